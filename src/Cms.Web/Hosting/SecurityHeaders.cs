namespace Cms.Web.Hosting;

/// <summary>
/// The browser-facing pages (the admin, the GraphQL explorer under it, and the sign-in and sign-out pages of
/// <c>/connect</c>) always carry a Content-Security-Policy without inline script and framing only by the site itself,
/// <c>X-Content-Type-Options: nosniff</c> and a Referrer-Policy. A page that sets its own policy (the explorer)
/// keeps it; the other headers are added regardless.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; frame-ancestors 'self'";

    public const string ReferrerPolicy = "same-origin";

    public static IApplicationBuilder UseCmsSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase)
                || context.Request.Path.StartsWithSegments("/connect", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.OnStarting(() =>
                {
                    var headers = context.Response.Headers;
                    if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
                    {
                        headers.ContentSecurityPolicy = ContentSecurityPolicy;
                    }

                    headers.XContentTypeOptions = "nosniff";
                    headers["Referrer-Policy"] = ReferrerPolicy;
                    headers.XFrameOptions = "SAMEORIGIN";
                    return Task.CompletedTask;
                });
            }

            return next(context);
        });
}
