using Cms.Core.Search;
using Cms.Core.Storage;
using Cms.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cms.Data.Stores;

/// <summary>
/// Writes <c>ContentSearch</c> rows through the request's context, so they are saved with the content change that
/// caused them; the database's full-text index follows the rows in that transaction (see <see cref="ContentSearchRecord"/>).
/// </summary>
public sealed class EfSearchIndexStore(CmsDbContext db, EfUnitOfWork unitOfWork) : ISearchIndexStore
{
    public async Task UpsertAsync(SearchDocument document, CancellationToken cancellationToken = default)
    {
        if (unitOfWork.SavesDeferred && Defer(document))
        {
            return;
        }

        var row = await FindAsync(document.ContentItemId, cancellationToken);
        if (row is null)
        {
            row = new ContentSearchRecord { ContentItemId = document.ContentItemId };
            db.ContentSearch.Add(row);
        }
        else if (db.Entry(row).State == EntityState.Deleted)
        {
            // Removed and written again before the save (unpublish, then publish in one transaction): keep the row.
            db.Entry(row).State = EntityState.Modified;
        }

        // The version row: tracked when this change wrote it (its id comes at the save), held back by a batched import
        // (its id comes when the batch is written, just before the save), else read.
        if (TrackedRows.Find<ContentItemRecord>(db, r => r.ContentItemVersionId == document.ContentItemVersionId) is { } version)
        {
            row.Document = version;
        }
        else if (unitOfWork.Rows.FindUnwritten(document.ContentItemVersionId) is { } unwritten)
        {
            row.Document = null;
            var linked = row;
            unitOfWork.Rows.WhenWritten(unwritten, id => linked.DocumentId = id);
        }
        else
        {
            row.Document = null;
            row.DocumentId = await db.ContentItems.Where(r => r.ContentItemVersionId == document.ContentItemVersionId).Select(r => r.Id).SingleAsync(cancellationToken);
        }

        Fill(row, document);
    }

    public async Task RemoveAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        unitOfWork.Rows.RemoveSearch(contentItemId);
        if (await FindAsync(contentItemId, cancellationToken) is { } row && db.Entry(row).State != EntityState.Deleted)
        {
            db.ContentSearch.Remove(row);
        }
    }

    public async Task ClearAsync(CancellationToken cancellationToken = default) =>
        await db.ContentSearch.ExecuteDeleteAsync(cancellationToken);

    /// <summary>
    /// Holds the row with the batch when the session tracks none for the item and the version's row id is known now or
    /// at the batch's write; otherwise (false) the row goes through the change tracker as outside a batch.
    /// </summary>
    private bool Defer(SearchDocument document)
    {
        var rows = unitOfWork.Rows;
        var pending = rows.FindSearch(document.ContentItemId);
        if (pending is null && TrackedRows.Find<ContentSearchRecord>(db, r => r.ContentItemId == document.ContentItemId) is not null)
        {
            return false;
        }

        var unwritten = rows.FindUnwritten(document.ContentItemVersionId);
        long documentId = 0;
        if (unwritten is null)
        {
            if (TrackedRows.Find<ContentItemRecord>(db, r => r.ContentItemVersionId == document.ContentItemVersionId) is not { Id: > 0 } version)
            {
                // Not in memory, or not written yet by the change tracker: the tracked way links it.
                rows.RemoveSearch(document.ContentItemId);
                return false;
            }

            documentId = version.Id;
        }

        var row = pending ?? new ContentSearchRecord { ContentItemId = document.ContentItemId };
        row.DocumentId = documentId;
        Fill(row, document);
        rows.AddSearch(row, unwritten);
        return true;
    }

    private static void Fill(ContentSearchRecord row, SearchDocument document)
    {
        row.ContentType = document.ContentType;
        row.Title = document.Title;
        row.Lead = document.Lead;
        row.Body = document.Body;
        row.Tags = document.Tags;
        row.Authors = document.Authors;
    }

    private async Task<ContentSearchRecord?> FindAsync(string contentItemId, CancellationToken cancellationToken) =>
        TrackedRows.Find<ContentSearchRecord>(db, r => r.ContentItemId == contentItemId)
        ?? await db.ContentSearch.FirstOrDefaultAsync(r => r.ContentItemId == contentItemId, cancellationToken);
}
