namespace Cms.GraphQL.Http;

/// <summary>A response body ready to send again, with its ETag and media type.</summary>
internal sealed record CachedResponse(byte[] Body, string ETag, string ContentType);
