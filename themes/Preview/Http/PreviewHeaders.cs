using Microsoft.AspNetCore.Http;

namespace Cms.Preview.Http;

/// <summary>
/// What every preview page sends: not for search engines, never stored by a cache, no script at all (the theme has
/// none, so a policy without <c>script-src</c> blocks anything that slipped into content), and no referrer, so a share
/// token never leaves in a <c>Referer</c> header when a reader follows a link in the body.
/// </summary>
public static class PreviewHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; img-src 'self' data:; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    public static void Apply(HttpResponse response)
    {
        var headers = response.Headers;
        headers["X-Robots-Tag"] = "noindex, nofollow";
        headers.CacheControl = "no-store";
        headers.Pragma = "no-cache";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
    }
}
