using Cms.Core.Content;
using Cms.Core.Fields;
using Cms.Core.Queries;

namespace Cms.Core.Storage;

/// <summary>
/// Persistence of content versions and their index rows. Versions loaded for writing are tracked: a later
/// <see cref="UpdateAsync"/> fails with <see cref="ContentConflictException"/> if someone else changed the row meanwhile.
/// </summary>
public interface IContentStore
{
    Task<ContentItem?> GetAsync(string contentItemId, VersionOptions options, CancellationToken cancellationToken = default);

    Task<ContentItem?> GetVersionAsync(string contentItemVersionId, CancellationToken cancellationToken = default);

    /// <summary>All versions of an item, oldest first, including those of a deleted item.</summary>
    Task<IReadOnlyList<ContentItem>> GetVersionsAsync(string contentItemId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Loads many items in one query (for data loaders). Read-only: the items' content may be shared with other
    /// callers and must not be changed (load an item with <see cref="GetAsync"/> to change it).
    /// </summary>
    Task<IReadOnlyDictionary<string, ContentItem>> GetManyAsync(IReadOnlyCollection<string> contentItemIds, VersionOptions options, CancellationToken cancellationToken = default);

    Task AddAsync(ContentItem version, IReadOnlyList<FieldIndexEntry> index, CancellationToken cancellationToken = default);

    /// <summary>Writes a changed version; <paramref name="index"/> null keeps its index rows.</summary>
    Task UpdateAsync(ContentItem version, IReadOnlyList<FieldIndexEntry>? index, CancellationToken cancellationToken = default);

    Task RemoveVersionAsync(ContentItem version, CancellationToken cancellationToken = default);

    /// <summary>
    /// A batched import's set-based lookup: finds in one query which of <paramref name="contentItemIds"/> have no version
    /// at all and who holds each of <paramref name="paths"/>, so that the lookups of those ids and paths that follow in
    /// this transaction (<see cref="GetAsync"/>, <see cref="GetVersionsAsync"/>, <see cref="FindPathOwnerAsync"/>) are
    /// answered without a query each. Saves made afterwards count as before: an id or path they touch is looked up again.
    /// Outside a transaction it does nothing.
    /// </summary>
    Task ExpectAsync(IReadOnlyCollection<string> contentItemIds, IReadOnlyCollection<string> paths, CancellationToken cancellationToken = default);

    /// <summary>The id of another live item (latest or published) that uses <paramref name="path"/>, if any.</summary>
    Task<string?> FindPathOwnerAsync(string path, string exceptContentItemId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs a query over the version table and index tables. Read-only results: the items' content may be shared
    /// with other callers and must not be changed (load an item with <see cref="GetAsync"/> to change it).
    /// </summary>
    Task<ContentQueryResult> QueryAsync(ContentQuery query, CancellationToken cancellationToken = default);
}
