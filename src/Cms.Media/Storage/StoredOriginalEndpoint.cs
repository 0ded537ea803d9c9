using Cms.Core.Fields;
using Cms.Core.Media;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Media.Storage;

/// <summary>
/// <c>GET /media/{path}</c> when the originals are not on this node's disk (the S3 store): streams the object through
/// the store with the same headers as the files served from disk. Only the image types of the library are served.
/// </summary>
public static class StoredOriginalEndpoint
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static async Task<bool> TryHandleAsync(HttpContext context, string path)
    {
        if (!MediaFieldKind.IsSafeMediaPath(path) || !ContentTypes.TryGetContentType(path, out var contentType))
        {
            return false;
        }

        var store = context.RequestServices.GetRequiredService<IMediaFileStore>();
        await using var stream = await store.OpenReadAsync(path, context.RequestAborted);
        if (stream is null)
        {
            return false;
        }

        var headers = context.Response.Headers;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = stream.Length;
        headers.ContentSecurityPolicy = "default-src 'self'; style-src 'unsafe-inline'";
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "public, max-age=2592000";
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await stream.CopyToAsync(context.Response.Body, context.RequestAborted);
        }

        return true;
    }
}
