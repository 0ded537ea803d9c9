using System.Text.Json.Nodes;
using Cms.Core.Content;
using Microsoft.Extensions.Caching.Memory;

namespace Cms.Data.Stores;

/// <summary>
/// The parsed JSON of versions read for display (lists and data loaders), shared between requests. Front ends ask
/// for the same few dozen items over and over; parsing their documents again was the largest cost of an uncached
/// GraphQL query. An entry is used only when the stored text is still exactly the text it was parsed from, so a
/// changed draft, a rewritten row or a reused version id can never be served stale. The JSON tree is built
/// completely before it is shared (a parsed <see cref="JsonObject"/> otherwise builds its children on first
/// access), so readers on any thread only ever read it; nobody may change it: writes load their own copy through
/// <see cref="Core.Storage.IContentStore.GetAsync"/>.
/// </summary>
public sealed class SharedContentCache : IDisposable
{
    /// <summary>Bytes the cache may hold, estimated from the text length.</summary>
    public const long SizeLimitBytes = 64L * 1024 * 1024;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = SizeLimitBytes });

    public JsonObject Get(string contentItemVersionId, string data)
    {
        if (_cache.TryGetValue(contentItemVersionId, out Entry? entry) && string.Equals(entry!.Data, data, StringComparison.Ordinal))
        {
            return entry.Content;
        }

        var content = ContentItemJson.DeserializeParts(data);
        Build(content);
        // The text (two bytes a character) and roughly as much again for the nodes.
        _cache.Set(contentItemVersionId, new Entry(data, content), new MemoryCacheEntryOptions { Size = 4L * data.Length + 256 });
        return content;
    }

    public void Dispose() => _cache.Dispose();

    private static void Build(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    Build(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Build(child);
                }

                break;
        }
    }

    private sealed record Entry(string Data, JsonObject Content);
}
