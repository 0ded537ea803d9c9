namespace Cms.Core.Metadata;

/// <summary>
/// The committed definitions, shared by all requests. Updated only after a change commits, and emptied when another
/// process changed them (<see cref="Invalidate"/>). A load that started before an invalidation is not kept after it
/// (<see cref="Generation"/>), so a definition read just before another node's change cannot stay cached.
/// </summary>
public sealed class ContentDefinitionCache
{
    private readonly Lock _gate = new();
    private volatile ContentDefinitionSet? _current;
    private long _generation;

    public ContentDefinitionSet? Current => _current;

    /// <summary>Read before loading from the store; pass to <see cref="SetLoaded"/>.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public event Action<ContentDefinitionSet>? Changed;

    /// <summary>Keeps definitions this process committed.</summary>
    public void Set(ContentDefinitionSet definitions)
    {
        ContentDefinitionSet? previous;
        lock (_gate)
        {
            previous = _current;
            _current = definitions;
        }

        if (previous is not null && previous.Serial != definitions.Serial)
        {
            Changed?.Invoke(definitions);
        }
    }

    /// <summary>Keeps definitions loaded from the store, unless the cache was invalidated while they were being loaded.</summary>
    public void SetLoaded(ContentDefinitionSet definitions, long generation)
    {
        lock (_gate)
        {
            if (generation == Generation)
            {
                _current = definitions;
            }
        }
    }

    public void Invalidate()
    {
        lock (_gate)
        {
            Interlocked.Increment(ref _generation);
            _current = null;
        }
    }
}
