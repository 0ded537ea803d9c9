using Cms.Core.Media;

namespace Cms.GraphQL.Schema;

/// <summary>One file of a MediaField with its alt text, focal point, caption, credit and per-profile crops.</summary>
internal sealed record MediaFile(string Path, string Url, string? MediaText, MediaAnchor? Anchor, string? Caption, string? Credit)
{
    public string FileName => Path[(Path.LastIndexOf('/') + 1)..];

    /// <summary>The field's crop rectangles for this file, by profile name.</summary>
    public IReadOnlyDictionary<string, CropRectangle> Crops { get; init; } = new Dictionary<string, CropRectangle>();
}
