namespace Cms.GraphQL.Schema;

/// <summary>One file of a MediaField with its alt text, focal point, caption and credit.</summary>
internal sealed record MediaFile(string Path, string Url, string? MediaText, MediaAnchor? Anchor, string? Caption, string? Credit)
{
    public string FileName => Path[(Path.LastIndexOf('/') + 1)..];
}
