using Cms.Core.Fields;
using Cms.Core.Media;
using Cms.Media.Imaging;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Cms.Media.Derivatives;

/// <summary>
/// <c>GET /media/{path}?…&amp;token=…</c>: a signed derivative. A missing or wrong token is 403, so nobody can make
/// the server render arbitrary sizes. Answers are immutable (<c>max-age=31536000</c>) with an ETag (304 on a
/// match); without <c>format</c> the output is WebP when the browser accepts it, else JPEG, with <c>Vary: Accept</c>.
/// </summary>
public static class DerivativeEndpoint
{
    public const string CacheControl = "public, max-age=31536000, immutable";

    public static async Task HandleAsync(HttpContext context, string path)
    {
        var services = context.RequestServices;
        if (!MediaFieldKind.IsSafeMediaPath(path))
        {
            throw new MediaRejectedException($"'{path}' is not a media path.", 404);
        }

        var (commands, token) = DerivativeRequestParser.Parse(context.Request.Query);
        if (!services.GetRequiredService<MediaSigner>().Verify(path, commands.Raw, token))
        {
            throw new MediaRejectedException("The token is missing or does not match this URL: derivatives are served only for signed URLs (from GraphQL or the admin).", 403);
        }

        var byAccept = commands.Format is null;
        var format = commands.Format ?? (AcceptsWebp(context.Request) ? MediaFormat.Webp.Name : MediaFormat.Jpeg.Name);
        var mediaFormat = MediaFormat.FromName(format)!;
        var etag = $"\"{token![..32]}.{mediaFormat.Name}\"";
        var headers = context.Response.Headers;
        headers.CacheControl = CacheControl;
        headers.ETag = etag;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        if (byAccept)
        {
            headers.Vary = HeaderNames.Accept;
        }

        if (context.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*")))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var cache = services.GetRequiredService<DerivativeCache>();
        var renderer = services.GetRequiredService<DerivativeRenderer>();
        await renderer.EnsureCurrentAsync(path, commands, context.RequestAborted);
        var file = await cache.GetOrRenderAsync(
            cache.FileFor(path, token, mediaFormat.Extension),
            // The render is shared by every waiting request, so it does not stop when the first one goes away.
            destination => renderer.RenderAsync(path, commands, mediaFormat.Name, destination, CancellationToken.None));

        context.Response.ContentType = mediaFormat.MimeType;
        context.Response.ContentLength = new FileInfo(file).Length;
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        await context.Response.SendFileAsync(file, context.RequestAborted);
    }

    private static bool AcceptsWebp(HttpRequest request) =>
        request.Headers.Accept.Any(v => v is not null && v.Contains("image/webp", StringComparison.OrdinalIgnoreCase));
}
