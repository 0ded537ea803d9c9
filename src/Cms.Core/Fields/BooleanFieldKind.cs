using System.Text.Json.Nodes;

namespace Cms.Core.Fields;

/// <summary><c>{ "Value": true }</c>, indexed as a boolean.</summary>
public sealed class BooleanFieldKind : IContentFieldKind
{
    public string Name => "BooleanField";

    public FieldIndexKind IndexKind => FieldIndexKind.Boolean;

    public FieldQuery Query => FieldQuery.Boolean;

    public void Normalize(JsonObject value, FieldContext context)
    {
        var node = value["Value"];
        if (!JsonValues.IsNull(node) && JsonValues.Bool(node) is null)
        {
            context.Error("Value", "must be true or false.");
        }
    }

    public IEnumerable<FieldIndexEntry> Index(JsonObject value, string partName, string fieldName)
    {
        yield return new FieldIndexEntry(FieldIndexKind.Boolean, partName, fieldName) { Boolean = JsonValues.Bool(value["Value"]) };
    }
}
