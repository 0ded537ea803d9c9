namespace Cms.Preview.Links;

/// <summary>A share link as listed to editors: never its token, which is shown once, when it is made.</summary>
public sealed record PreviewLinkView(
    string Id,
    string ContentItemId,
    string? CreatedBy,
    string? CreatedByName,
    DateTime CreatedUtc,
    DateTime ExpiresUtc,
    DateTime? RevokedUtc,
    bool Active);
