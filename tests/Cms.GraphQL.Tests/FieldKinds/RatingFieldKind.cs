using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Core.Fields;

namespace Cms.GraphQL.Tests.FieldKinds;

/// <summary>A field kind the product does not have, as a module would add one: <c>{ "Stars": 1..5 }</c>, indexed as a number.</summary>
public sealed class RatingFieldKind : IContentFieldKind
{
    public string Name => "RatingField";

    public FieldIndexKind IndexKind => FieldIndexKind.Numeric;

    public FieldQuery Query => FieldQuery.Range;

    public void Normalize(JsonObject value, FieldContext context)
    {
        if (value["Stars"] is { } stars && (stars.GetValueKind() != JsonValueKind.Number || stars.GetValue<double>() is < 1 or > 5 || stars.GetValue<double>() % 1 != 0))
        {
            context.Error("Stars", "must be a whole number of stars from 1 to 5.");
        }
    }

    public IEnumerable<FieldIndexEntry> Index(JsonObject value, string partName, string fieldName)
    {
        yield return new FieldIndexEntry(FieldIndexKind.Numeric, partName, fieldName) { Number = value["Stars"]?.GetValue<double>() };
    }
}
