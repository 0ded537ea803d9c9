using GraphQL.DataLoader;

namespace Cms.GraphQL.Execution;

/// <summary>
/// A per-request data loader: keys asked for while the execution strategy walks a level of the query are
/// collected, and the first result awaited fetches them all in one call. Loaded keys are remembered for the
/// request. Runs under the serial execution strategy (one resolver at a time, as the DbContext requires).
/// </summary>
internal sealed class BatchLoader<TKey, TValue>(Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch, IEqualityComparer<TKey> comparer)
    where TKey : notnull
    where TValue : class
{
    private readonly Dictionary<TKey, TValue?> _loaded = new(comparer);
    private readonly List<TKey> _pending = [];
    private readonly HashSet<TKey> _pendingKeys = new(comparer);

    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        Enqueue(key);
        return new LoaderResult<TValue?>(async cancellationToken =>
        {
            await DispatchAsync(cancellationToken);
            return _loaded.GetValueOrDefault(key);
        });
    }

    public IDataLoaderResult<IReadOnlyList<TValue?>> LoadMany(IReadOnlyList<TKey> keys)
    {
        foreach (var key in keys)
        {
            Enqueue(key);
        }

        return new LoaderResult<IReadOnlyList<TValue?>>(async cancellationToken =>
        {
            await DispatchAsync(cancellationToken);
            return keys.Select(k => _loaded.GetValueOrDefault(k)).ToList();
        });
    }

    private void Enqueue(TKey key)
    {
        if (!_loaded.ContainsKey(key) && _pendingKeys.Add(key))
        {
            _pending.Add(key);
        }
    }

    private async Task DispatchAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var batch = _pending.ToList();
        _pending.Clear();
        _pendingKeys.Clear();
        var values = await fetch(batch, cancellationToken);
        foreach (var key in batch)
        {
            _loaded[key] = values.GetValueOrDefault(key);
        }
    }
}
