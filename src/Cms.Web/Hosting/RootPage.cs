using System.Text.Encodings.Web;
using Cms.Core.Settings;

namespace Cms.Web.Hosting;

/// <summary>
/// <c>/</c>: a headless CMS has no public site of its own, so its root says what it is and where to go (the admin,
/// the GraphQL explorer and endpoint, OpenID discovery, health) instead of a bare 404.
/// </summary>
public static class RootPage
{
    public static async Task<IResult> RenderAsync(ISiteSettingsService settings, CancellationToken cancellationToken)
    {
        var siteName = HtmlEncoder.Default.Encode((await settings.GetAsync(cancellationToken)).SiteName is { Length: > 0 } name ? name : "Newsroom CMS");
        var html = $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{siteName}} · CMS</title>
            <style>
              body { font-family: system-ui, sans-serif; margin: 0; color: #1f2328; background: #fff; line-height: 1.5; }
              main { max-width: 40rem; margin: 3rem auto; padding: 0 1.25rem; }
              h1 { font-size: 1.75rem; margin: 0 0 .25rem; }
              p { margin: 0 0 1.5rem; color: #3d444d; }
              ul { list-style: none; padding: 0; margin: 0; }
              li { border-top: 1px solid #d1d9e0; padding: .75rem 0; }
              a { color: #0b57d0; font-weight: 600; }
              a:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
              span { display: block; color: #3d444d; font-size: .95rem; }
              code { font-size: .95rem; }
            </style>
            </head>
            <body>
            <main>
            <h1>{{siteName}}</h1>
            <p>The content management system behind {{siteName}}. It has no public pages: front ends read content through GraphQL.</p>
            <ul>
            <li><a href="/admin">Admin</a><span>Sign in to write, review and publish, and to manage users, roles and API clients.</span></li>
            <li><a href="/admin/graphql">GraphQL explorer</a><span>Try queries with your own permissions; its Docs panel describes every type and field.</span></li>
            <li><a href="/api/graphql">GraphQL endpoint</a><span><code>POST /api/graphql</code> or <code>GET /api/graphql?query=…</code> for front ends.</span></li>
            <li><a href="/.well-known/openid-configuration">OpenID Connect discovery</a><span>Tokens for API clients: <code>/connect/token</code>, <code>/connect/authorize</code>.</span></li>
            <li><a href="/health/ready">Health</a><span><code>/health/live</code> and <code>/health/ready</code> for load balancers and monitoring.</span></li>
            </ul>
            </main>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }
}
