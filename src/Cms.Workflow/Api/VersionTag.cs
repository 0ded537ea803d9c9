using Cms.Core.Content;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Cms.Workflow.Api;

/// <summary>Optimistic concurrency over HTTP: a version's ETag is its version id; writes name it in <c>If-Match</c>.</summary>
internal static class VersionTag
{
    public static string For(ContentItem item) => $"\"{item.ContentItemVersionId}\"";

    public static void Set(HttpResponse response, ContentItem item) => response.Headers.ETag = For(item);

    /// <summary>The version id named by <c>If-Match</c>, or null when there is none.</summary>
    public static string? IfMatch(HttpRequest request)
    {
        if (!EntityTagHeaderValue.TryParseList(request.Headers.IfMatch, out var tags) || tags.Count == 0)
        {
            return null;
        }

        var tag = tags[0];
        return tag.Equals(EntityTagHeaderValue.Any) ? "*" : tag.Tag.ToString().Trim('"');
    }

    /// <summary>The version a write to an existing item started from: 428 without If-Match; <c>*</c> is not accepted, a write must name its version.</summary>
    public static string Require(HttpRequest request)
    {
        var version = IfMatch(request);
        return version is null or "*"
            ? throw new ContentPreconditionException("Send If-Match with the ETag of the version the change started from (GET the item first).", missing: true)
            : version;
    }
}
