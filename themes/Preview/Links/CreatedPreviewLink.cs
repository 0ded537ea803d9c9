namespace Cms.Preview.Links;

/// <summary>A link just made: its record and the URL path with the token, the only time the token is known.</summary>
public sealed record CreatedPreviewLink(PreviewLinkView Link, string Token)
{
    /// <summary>The site-relative address to share: <c>/preview/{token}</c>.</summary>
    public string Path => PreviewLinkService.PathFor(Token);
}
