namespace Cms.Media.Library;

/// <summary>A content item whose latest or published version has a media field pointing at a file.</summary>
public sealed record MediaUsage(string ContentItemId, string ContentType, string? DisplayText, string Field, bool Published, bool Latest);
