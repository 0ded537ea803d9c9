using Cms.Core.Metadata;
using Cms.Core.Storage;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Cms.GraphQL.Http;

/// <summary>
/// Responses to anonymous queries on published content, by normalized query, operation name, variables and
/// host. Everything is dropped when content is published, unpublished or deleted, definitions change, or roles,
/// permissions or clients change (<see cref="SharedStateSignal"/>, from this process or another one). A
/// request remembers the generation it started in, so a response computed before a change is never kept after it.
/// </summary>
internal sealed class GraphQLResponseCache : IDisposable
{
    private readonly MemoryCache _cache;
    private readonly CmsGraphQLOptions _options;
    private readonly ILogger<GraphQLResponseCache> _logger;
    private readonly ContentDefinitionCache _definitions;
    private readonly SharedStateSignal _signal;
    private CancellationTokenSource _generation = new();

    public GraphQLResponseCache(IOptions<CmsGraphQLOptions> options, ContentDefinitionCache definitions, SharedStateSignal signal, ILogger<GraphQLResponseCache> logger)
    {
        _signal = signal;
        _signal.Changed += OnSharedStateChanged;
        _options = options.Value;
        _logger = logger;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, _options.ResponseCacheSizeBytes) });
        _definitions = definitions;
        _definitions.Changed += OnDefinitionsChanged;
    }

    public bool Enabled => _options.EnableResponseCache;

    /// <summary>The current generation; pass it back to <see cref="Set"/>.</summary>
    public CancellationToken Generation => Volatile.Read(ref _generation).Token;

    public static string Key(long schemaSerial, string normalizedQuery, string? operationName, string? variables, string mediaBaseUrl, string contentType) =>
        string.Join('\u001f', schemaSerial, normalizedQuery, operationName ?? "", variables ?? "", mediaBaseUrl, contentType);

    public bool TryGet(string key, out CachedResponse response)
    {
        if (Enabled && _cache.TryGetValue(key, out CachedResponse? cached) && cached is not null)
        {
            response = cached;
            return true;
        }

        response = null!;
        return false;
    }

    public void Set(string key, CachedResponse response, CancellationToken generation)
    {
        if (!Enabled || generation.IsCancellationRequested)
        {
            return;
        }

        using var entry = _cache.CreateEntry(key);
        entry.Value = response;
        entry.Size = response.Body.Length + key.Length * 2L;
        entry.AbsoluteExpirationRelativeToNow = _options.ResponseCacheDuration;
        entry.AddExpirationToken(new CancellationChangeToken(generation));
    }

    public void Invalidate(string reason)
    {
        var previous = Interlocked.Exchange(ref _generation, new CancellationTokenSource());
        previous.Cancel();
        previous.Dispose();
        _cache.Compact(1.0);
        _logger.LogDebug("GraphQL response cache cleared: {Reason}", reason);
    }

    public void Dispose()
    {
        _definitions.Changed -= OnDefinitionsChanged;
        _signal.Changed -= OnSharedStateChanged;
        _generation.Dispose();
        _cache.Dispose();
    }

    private void OnSharedStateChanged(string reason) => Invalidate(reason);

    private void OnDefinitionsChanged(ContentDefinitionSet definitions) => Invalidate($"content definitions changed (serial {definitions.Serial})");
}
