using Cms.Core.Search;

namespace Cms.Core.Storage;

/// <summary>
/// The rows of the full-text index (one per published item), written in the unit of work of the content change; the
/// database's own full-text engine (SQLite FTS5, PostgreSQL tsvector) follows them in the same transaction.
/// </summary>
public interface ISearchIndexStore
{
    Task UpsertAsync(SearchDocument document, CancellationToken cancellationToken = default);

    Task RemoveAsync(string contentItemId, CancellationToken cancellationToken = default);

    /// <summary>Empties the index (for a rebuild; in the caller's transaction).</summary>
    Task ClearAsync(CancellationToken cancellationToken = default);
}
