using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using Cms.Core.Content;
using Cms.Core.Security;
using Cms.GraphQL.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cms.GraphQL.Explorer;

/// <summary>
/// The GraphiQL explorer at <c>/admin/graphql</c>, for signed-in users with ExecuteGraphQL. Its queries go to the
/// API with the user's cookie. The bundle is embedded in this assembly and served with a content hash.
/// </summary>
internal sealed class GraphiQLPage
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["graphiql.js"] = "text/javascript; charset=utf-8",
        ["graphiql.css"] = "text/css; charset=utf-8",
    };

    private readonly CmsGraphQLOptions _options;
    private readonly Dictionary<string, byte[]> _assets = new(StringComparer.Ordinal);
    private readonly string _version;

    public GraphiQLPage(IOptions<CmsGraphQLOptions> options)
    {
        _options = options.Value;
        var assembly = typeof(GraphiQLPage).Assembly;
        foreach (var file in ContentTypes.Keys)
        {
            if (Read(assembly, "Explorer." + file) is { } bytes)
            {
                _assets[file] = bytes;
            }
        }

        _version = _assets.TryGetValue("graphiql.js", out var script) ? Convert.ToHexStringLower(SHA256.HashData(script))[..16] : "none";
    }

    public async Task HandlePageAsync(HttpContext http)
    {
        var user = await GraphQLCaller.AuthenticateAsync(http);
        if (user is null || GraphQLCaller.IsAnonymous(user))
        {
            var schemes = http.RequestServices.GetService<IAuthenticationSchemeProvider>();
            if (schemes is not null && await schemes.GetDefaultChallengeSchemeAsync() is not null)
            {
                await http.ChallengeAsync();
                return;
            }

            await WriteTextAsync(http, StatusCodes.Status401Unauthorized, "Sign in to use the GraphQL explorer.");
            return;
        }

        var access = http.RequestServices.GetRequiredService<IContentAccess>();
        if (!await access.HasPermissionAsync(Permissions.ExecuteGraphQL, http.RequestAborted))
        {
            await WriteTextAsync(http, StatusCodes.Status403Forbidden, "The GraphQL explorer needs the ExecuteGraphQL permission.");
            return;
        }

        var assets = _options.ExplorerPath.TrimEnd('/') + "/assets/";
        var endpoint = WebUtility.HtmlEncode(http.Request.PathBase + _options.Path);
        var body = _assets.ContainsKey("graphiql.js")
            ? $"""<div id="graphiql" data-endpoint="{endpoint}"></div><script src="{WebUtility.HtmlEncode(http.Request.PathBase + assets)}graphiql.js?v={_version}"></script>"""
            : $"""<p class="missing">The explorer's script was not built: install Node.js (with npm) and build again. The API at <code>{endpoint}</code> works regardless.</p>""";
        var html = $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>GraphQL explorer</title>
              <link rel="stylesheet" href="{WebUtility.HtmlEncode(http.Request.PathBase + assets)}graphiql.css?v={_version}">
              <style>html, body {"{"} height: 100%; margin: 0; {"}"} body {"{"} display: flex; flex-direction: column; {"}"} #graphiql {"{"} flex: 1; min-height: 0; {"}"} .bar {"{"} font: 14px system-ui, sans-serif; padding: .4rem 1rem; background: #212529; color: #f8f9fa; {"}"} .bar a {"{"} color: #f8f9fa; {"}"} .missing {"{"} font-family: sans-serif; padding: 2rem; {"}"}</style>
            </head>
            <body>
              <header class="bar"><a href="{WebUtility.HtmlEncode(http.Request.PathBase + "/admin")}">Back to the admin</a> · GraphQL explorer, running as you</header>
              <main id="explorer" style="display: contents">{body}</main>
            </body>
            </html>
            """;
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(html, http.RequestAborted);
    }

    public async Task HandleAssetAsync(HttpContext http, string file)
    {
        if (!_assets.TryGetValue(file, out var bytes))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        http.Response.ContentType = ContentTypes[file];
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = http.Request.Query["v"] == _version ? "public, max-age=31536000, immutable" : "no-cache";
        http.Response.ContentLength = bytes.Length;
        await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
    }

    private static byte[]? Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name);
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static async Task WriteTextAsync(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(message, http.RequestAborted);
    }
}
