using System.Text.Json.Nodes;

namespace Cms.Core.Fields;

/// <summary>
/// <c>{ "ContentItemIds": [...] }</c>: references to other items, one index row each. Settings
/// (<c>ContentPickerFieldSettings</c>): <c>DisplayedContentTypes</c>, <c>Multiple</c>, <c>Required</c>.
/// </summary>
public sealed class ContentPickerFieldKind : IContentFieldKind
{
    public const int MaxItems = 100;

    public string Name => "ContentPickerField";

    public FieldIndexKind IndexKind => FieldIndexKind.ContentPicker;

    public FieldQuery Query => FieldQuery.References;

    public void Normalize(JsonObject value, FieldContext context)
    {
        if (!JsonValues.TryStringArray(value["ContentItemIds"], out var ids))
        {
            context.Error("ContentItemIds", "must be an array of content item ids.");
            return;
        }

        var distinct = ids.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToList();
        var settings = context.Definition.KindSettings;
        var multiple = settings["Multiple"] is JsonValue m && m.TryGetValue<bool>(out var isMultiple) && isMultiple;
        if (!multiple && distinct.Count > 1)
        {
            context.Error("ContentItemIds", $"'{context.Definition.DisplayName}' takes one item, not {distinct.Count}.");
        }

        if (distinct.Count > MaxItems)
        {
            context.Error("ContentItemIds", $"takes at most {MaxItems} items.");
        }

        if (context.Definition.Required && distinct.Count == 0)
        {
            context.Error("ContentItemIds", $"'{context.Definition.DisplayName}' is required.");
        }

        value["ContentItemIds"] = JsonValues.ToArray(distinct);
    }

    public IEnumerable<FieldIndexEntry> Index(JsonObject value, string partName, string fieldName)
    {
        JsonValues.TryStringArray(value["ContentItemIds"], out var ids);
        // One row per picked item, even should a stored value repeat one: a list of the items that pick it reads each once.
        return ids.Distinct(StringComparer.Ordinal).Select(id => new FieldIndexEntry(FieldIndexKind.ContentPicker, partName, fieldName) { ContentItemId = id });
    }

    /// <summary>The content types this picker may reference; empty means any.</summary>
    public static IReadOnlyList<string> AllowedTypes(JsonObject kindSettings) =>
        JsonValues.TryStringArray(kindSettings["DisplayedContentTypes"], out var types) ? types : [];
}
