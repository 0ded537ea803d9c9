using System.Text.Json.Nodes;

namespace Cms.Core.Fields;

/// <summary>A field kind (TextField, ContentPickerField, ...): checks, cleans and indexes its stored value.</summary>
public interface IContentFieldKind
{
    /// <summary>The kind's name as written in definitions (<c>FieldName</c>).</summary>
    string Name { get; }

    FieldIndexKind IndexKind { get; }

    /// <summary>Checks the value's shape and settings, cleaning it in place (e.g. sanitizing HTML).</summary>
    void Normalize(JsonObject value, FieldContext context);

    IEnumerable<FieldIndexEntry> Index(JsonObject value, string partName, string fieldName);
}
