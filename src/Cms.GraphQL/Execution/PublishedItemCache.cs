using System.Collections.Concurrent;
using Cms.Core.Content;
using Cms.Core.Storage;

namespace Cms.GraphQL.Execution;

/// <summary>
/// The published versions of items that other items point at (the section of an article, its authors), shared between
/// GraphQL requests. Every article page and every section front asks for the same few dozen sections and authors;
/// reading them again was a second SQL statement in each request, and on PostgreSQL a second round trip, costing as much
/// as the page itself. An entry is an item's published version, or the fact that it has none.
/// <para>
/// An item's published version changes only through the content manager, which raises a content event for it after
/// the change commits, here right away and on every other host as the shared-state listener reads the event list (the
/// same path that clears the response cache; see <see cref="Http.GraphQLCacheInvalidator"/>). Any event of an item
/// drops its entry. A read remembers the generation it started in: when an event arrived while it read the database,
/// what it read is not kept, so a version read just before a change can never outlive it. When the listener starts over
/// (it may have missed events) everything is dropped.
/// </para>
/// Only what the item is; whether a caller may see it is checked on every request (<see cref="ContentItemLoader"/>).
/// Entries are read, never changed. At most <see cref="MaxItems"/> items are kept; past that the cache starts again.
/// </summary>
internal sealed class PublishedItemCache : IDisposable
{
    /// <summary>
    /// A newsroom's sections and authors with room to spare. Related articles are picked too, and each entry holds its
    /// item's parsed document (shared with the store's cache of parsed versions while that keeps it): a thousand
    /// articles of a few pages each are tens of megabytes, so the limit stays there rather than grow with the site.
    /// </summary>
    public const int MaxItems = 1024;

    private readonly ConcurrentDictionary<string, ContentItem?> _items = new(StringComparer.Ordinal);
    private readonly SharedStateSignal _signal;
    private readonly Lock _writes = new();
    private long _generation;

    public PublishedItemCache(SharedStateSignal signal)
    {
        _signal = signal;
        _signal.Changed += OnSharedStateChanged;
    }

    /// <summary>The current generation; take it before reading the database and pass it to <see cref="Set"/>.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>The published version of <paramref name="contentItemId"/> (null: it has none), when it is known.</summary>
    public bool TryGet(string contentItemId, out ContentItem? item) => _items.TryGetValue(contentItemId, out item);

    /// <summary>
    /// Keeps what a read found for <paramref name="contentItemIds"/> (an id missing from <paramref name="found"/> has no
    /// published version), unless an item changed since <paramref name="generation"/>.
    /// </summary>
    public void Set(IEnumerable<string> contentItemIds, IReadOnlyDictionary<string, ContentItem> found, long generation)
    {
        lock (_writes)
        {
            if (generation != _generation)
            {
                return;
            }

            foreach (var id in contentItemIds)
            {
                if (_items.Count >= MaxItems)
                {
                    _items.Clear();
                }

                _items[id] = found.GetValueOrDefault(id);
            }
        }
    }

    /// <summary>Drops <paramref name="contentItemId"/>; reads under way when it changed keep nothing.</summary>
    public void Invalidate(string contentItemId)
    {
        lock (_writes)
        {
            _generation++;
            _items.TryRemove(contentItemId, out _);
        }
    }

    /// <summary>Drops everything.</summary>
    public void Clear()
    {
        lock (_writes)
        {
            _generation++;
            _items.Clear();
        }
    }

    public void Dispose() => _signal.Changed -= OnSharedStateChanged;

    private void OnSharedStateChanged(string reason) => Clear();
}
