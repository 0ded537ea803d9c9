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
        EnqueueAll(keys);

        return new LoaderResult<IReadOnlyList<TValue?>>(async cancellationToken =>
        {
            await DispatchAsync(cancellationToken);
            return keys.Select(k => _loaded.GetValueOrDefault(k)).ToList();
        });
    }

    /// <summary>
    /// The values of <paramref name="keys"/> that were found and pass <paramref name="keep"/>, in key order, each turned
    /// into what the field returns by <paramref name="project"/>: a picker's items or their ids. One object per field,
    /// where <see cref="LoadMany"/> followed by a continuation made a chain of them; the delegates are made once per schema.
    /// </summary>
    public IDataLoaderResult<object?> LoadFound<TResult>(IReadOnlyList<TKey> keys, Func<TValue, bool> keep, Func<TValue, TResult> project)
    {
        EnqueueAll(keys);

        return new Found<TResult>(this, keys, keep, project);
    }

    private sealed class Found<TResult>(BatchLoader<TKey, TValue> loader, IReadOnlyList<TKey> keys, Func<TValue, bool> keep, Func<TValue, TResult> project) : IDataLoaderResult<object?>
    {
        private Task<object?>? _result;

        public Task<object?> GetResultAsync(CancellationToken cancellationToken = default) => _result ??= ResolveAsync(cancellationToken);

        private async Task<object?> ResolveAsync(CancellationToken cancellationToken)
        {
            await loader.DispatchAsync(cancellationToken);
            var found = new List<TResult>(keys.Count);
            for (var i = 0; i < keys.Count; i++)
            {
                if (loader._loaded.GetValueOrDefault(keys[i]) is { } value && keep(value))
                {
                    found.Add(project(value));
                }
            }

            return found;
        }
    }

    private void EnqueueAll(IReadOnlyList<TKey> keys)
    {
        for (var i = 0; i < keys.Count; i++) // by index: no enumerator boxed per field
        {
            Enqueue(keys[i]);
        }
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
