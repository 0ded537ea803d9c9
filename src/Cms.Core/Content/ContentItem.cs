using System.Text.Json.Nodes;

namespace Cms.Core.Content;

/// <summary>
/// One version of a content item, in Orchard Core's shape: the common properties, then one JSON object per
/// part (and the type's own fields under the part named after the type), kept in <see cref="Content"/>.
/// </summary>
public sealed class ContentItem
{
    public string ContentItemId { get; set; } = "";
    public string ContentItemVersionId { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string? DisplayText { get; set; }
    public bool Latest { get; set; }
    public bool Published { get; set; }
    public string? Owner { get; set; }
    public string? Author { get; set; }
    public DateTime? CreatedUtc { get; set; }
    public DateTime? ModifiedUtc { get; set; }
    public DateTime? PublishedUtc { get; set; }

    /// <summary>The editorial stage of this version (<see cref="ContentStages"/>).</summary>
    public string Stage { get; set; } = ContentStages.Draft;

    /// <summary>The user id of the reviewer this item is assigned to, if any.</summary>
    public string? AssignedTo { get; set; }

    /// <summary>When the review is due, if a due date was set.</summary>
    public DateTime? DueUtc { get; set; }

    /// <summary>The parts, by the key they have in the item: <c>TitlePart</c>, <c>Article</c>, ...</summary>
    public JsonObject Content { get; set; } = [];

    public JsonObject? Part(string name) => Content[name] as JsonObject;

    public JsonObject GetOrCreatePart(string name)
    {
        if (Content[name] is JsonObject part)
        {
            return part;
        }

        part = [];
        Content[name] = part;
        return part;
    }

    public ContentItem Clone() => new()
    {
        ContentItemId = ContentItemId,
        ContentItemVersionId = ContentItemVersionId,
        ContentType = ContentType,
        DisplayText = DisplayText,
        Latest = Latest,
        Published = Published,
        Owner = Owner,
        Author = Author,
        CreatedUtc = CreatedUtc,
        ModifiedUtc = ModifiedUtc,
        PublishedUtc = PublishedUtc,
        Stage = Stage,
        AssignedTo = AssignedTo,
        DueUtc = DueUtc,
        Content = (JsonObject)Content.DeepClone(),
    };
}
