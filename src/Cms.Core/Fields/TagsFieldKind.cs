using System.Text.Json.Nodes;

namespace Cms.Core.Fields;

/// <summary><c>{ "Tags": ["energy", "grid"] }</c>: trimmed, lower-cased, distinct; one text index row per tag.</summary>
public sealed class TagsFieldKind : IContentFieldKind
{
    public const int MaxTags = 30;
    public const int MaxTagLength = 60;

    public string Name => "TagsField";

    public FieldIndexKind IndexKind => FieldIndexKind.Text;

    /// <summary>Text operators on each tag; not sortable (an item has several).</summary>
    public FieldQuery Query => FieldQuery.Text.Unsorted();

    public void Normalize(JsonObject value, FieldContext context)
    {
        if (!JsonValues.TryStringArray(value["Tags"], out var tags))
        {
            context.Error("Tags", "must be an array of strings.");
            return;
        }

        var clean = tags.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (clean.Count > MaxTags)
        {
            context.Error("Tags", $"takes at most {MaxTags} tags.");
        }

        if (clean.Any(t => t.Length > MaxTagLength))
        {
            context.Error("Tags", $"a tag is at most {MaxTagLength} characters.");
        }

        value["Tags"] = JsonValues.ToArray(clean);
    }

    public IEnumerable<FieldIndexEntry> Index(JsonObject value, string partName, string fieldName)
    {
        JsonValues.TryStringArray(value["Tags"], out var tags);
        return tags.Select(t => new FieldIndexEntry(FieldIndexKind.Text, partName, fieldName) { Text = t });
    }
}
