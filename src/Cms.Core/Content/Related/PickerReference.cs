using Cms.Core.Metadata;

namespace Cms.Core.Content.Related;

/// <summary>A ContentPickerField of a type, with the key of the part it lives under.</summary>
public sealed record PickerReference(string PartKey, ContentPartFieldDefinition Field)
{
    /// <summary>The ids the field of <paramref name="item"/> references, in their order.</summary>
    public IReadOnlyList<string> Ids(ContentItem item) =>
        item.Part(PartKey)?[Field.Name]?["ContentItemIds"] is System.Text.Json.Nodes.JsonArray array
            ? [.. array.Select(n => n is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var id) ? id : null).OfType<string>()]
            : [];
}
