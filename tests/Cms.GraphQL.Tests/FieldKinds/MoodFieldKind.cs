using System.Text.Json.Nodes;
using Cms.Core.Fields;

namespace Cms.GraphQL.Tests.FieldKinds;

/// <summary>A field kind registered without a GraphQL shape: stored and indexed, but left out of the schema.</summary>
public sealed class MoodFieldKind : IContentFieldKind
{
    public string Name => "MoodField";

    public FieldIndexKind IndexKind => FieldIndexKind.Text;

    public FieldQuery Query => FieldQuery.Text;

    public void Normalize(JsonObject value, FieldContext context)
    {
    }

    public IEnumerable<FieldIndexEntry> Index(JsonObject value, string partName, string fieldName)
    {
        yield return new FieldIndexEntry(FieldIndexKind.Text, partName, fieldName) { Text = value["Text"]?.GetValue<string>() };
    }
}
