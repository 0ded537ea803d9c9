using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Core.Content;
using Microsoft.Extensions.Caching.Memory;

namespace Cms.Data.Stores;

/// <summary>
/// The parsed JSON of versions read for display (lists and data loaders), shared between requests. Front ends ask
/// for the same few dozen items over and over; parsing their documents again, and even reading their text from the
/// database, was the largest cost of an uncached GraphQL query. An entry belongs to one row (its <c>Id</c>, which
/// neither database ever reuses) at one <c>Revision</c>, which every write of the row increases: a committed row at a
/// given revision has exactly one text, so a reader that knows the row's id and revision need not read the text at
/// all. Only sessions without an open transaction use the cache (see <see cref="EfContentStore"/>): they see committed
/// rows only, so a revision written by a transaction that was later rolled back can never be cached.
/// The JSON tree is built completely before it is shared (a parsed <see cref="JsonObject"/> otherwise builds its
/// children on first access) and its strings are materialized once (a value read from a parsed element is decoded
/// into a new string on every read), so readers on any thread only ever read it; nobody may change it: writes load
/// their own copy through <see cref="Core.Storage.IContentStore.GetAsync"/>.
/// </summary>
public sealed class SharedContentCache : IDisposable
{
    /// <summary>Bytes the cache may hold, estimated from the text length.</summary>
    public const long SizeLimitBytes = 64L * 1024 * 1024;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = SizeLimitBytes });

    /// <summary>The content of row <paramref name="id"/> at <paramref name="revision"/>, when it was read before.</summary>
    public bool TryGet(long id, int revision, out JsonObject content)
    {
        if (_cache.TryGetValue(id, out Entry? entry) && entry!.Revision == revision)
        {
            content = entry.Content;
            return true;
        }

        content = null!;
        return false;
    }

    /// <summary>The content of row <paramref name="id"/> at <paramref name="revision"/>, parsed from its committed text once.</summary>
    public JsonObject Get(long id, int revision, string data)
    {
        if (TryGet(id, revision, out var cached))
        {
            return cached;
        }

        var content = ContentItemJson.DeserializeParts(data);
        Build(content);
        // The nodes and the strings they hold: roughly twice the text (two bytes a character) plus the node objects.
        _cache.Set(id, new Entry(revision, content), new MemoryCacheEntryOptions { Size = 3L * data.Length + 256 });
        return content;
    }

    public void Dispose() => _cache.Dispose();

    /// <summary>Builds every node of the tree and turns each string value into a plain string node.</summary>
    private static void Build(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                List<(string Key, string Value)>? strings = null;
                foreach (var (key, child) in obj)
                {
                    if (AsString(child) is { } text)
                    {
                        (strings ??= []).Add((key, text));
                    }
                    else
                    {
                        Build(child);
                    }
                }

                foreach (var (key, text) in strings ?? [])
                {
                    obj[key] = JsonValue.Create(text);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (AsString(array[i]) is { } text)
                    {
                        array[i] = JsonValue.Create(text);
                    }
                    else
                    {
                        Build(array[i]);
                    }
                }

                break;
        }
    }

    private static string? AsString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private sealed record Entry(int Revision, JsonObject Content);
}
