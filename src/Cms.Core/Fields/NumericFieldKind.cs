using System.Text.Json.Nodes;

namespace Cms.Core.Fields;

/// <summary><c>{ "Value": 3 }</c>, indexed as a number.</summary>
public sealed class NumericFieldKind : IContentFieldKind
{
    public string Name => "NumericField";

    public FieldIndexKind IndexKind => FieldIndexKind.Numeric;

    public FieldQuery Query => FieldQuery.Range;

    public void Normalize(JsonObject value, FieldContext context)
    {
        var node = value["Value"];
        if (!JsonValues.IsNull(node) && JsonValues.Number(node) is null)
        {
            context.Error("Value", "must be a number.");
            return;
        }

        if (context.Definition.Required && JsonValues.IsNull(node))
        {
            context.Error("Value", $"'{context.Definition.DisplayName}' is required.");
        }
    }

    public IEnumerable<FieldIndexEntry> Index(JsonObject value, string partName, string fieldName)
    {
        yield return new FieldIndexEntry(FieldIndexKind.Numeric, partName, fieldName) { Number = JsonValues.Number(value["Value"]) };
    }
}
