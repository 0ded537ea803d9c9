using System.Text.Json.Nodes;

namespace Cms.Core.Fields;

/// <summary>
/// A field kind (TextField, ContentPickerField, ...): checks, cleans and indexes its stored value, and describes how
/// it can be queried and edited. This is the seam a new kind plugs into (register it with DI as
/// <c>IContentFieldKind</c>): the normalizer, the index writer, GraphQL's where / orderBy inputs and the admin's
/// generated editor read it here instead of switching on kind names. GraphQL's value shape is mapped per kind in
/// Cms.GraphQL (<c>GraphQLFieldKind</c>); a kind without one is left out of the schema with a warning.
/// </summary>
public interface IContentFieldKind
{
    /// <summary>The kind's name as written in definitions (<c>FieldName</c>).</summary>
    string Name { get; }

    FieldIndexKind IndexKind { get; }

    /// <summary>Checks the value's shape and settings, cleaning it in place (e.g. sanitizing HTML).</summary>
    void Normalize(JsonObject value, FieldContext context);

    IEnumerable<FieldIndexEntry> Index(JsonObject value, string partName, string fieldName);

    /// <summary>The filter operators and sortability of the kind's index (<see cref="FieldQuery.None"/> when it has none).</summary>
    FieldQuery Query => FieldQuery.None;

    /// <summary>
    /// The admin editor template of the kind: the generated editor renders <c>Pages/Admin/Content/Editors/{EditorTemplate}.cshtml</c>.
    /// Defaults to the kind's name.
    /// </summary>
    string EditorTemplate => Name;
}
