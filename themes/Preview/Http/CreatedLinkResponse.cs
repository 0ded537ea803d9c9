using Cms.Preview.Links;

namespace Cms.Preview.Http;

/// <summary>The answer to making a share link: the link and its address, which is never shown again.</summary>
public sealed record CreatedLinkResponse(PreviewLinkView Link, string Url);
