using Cms.Core.Events;
using Cms.Data;
using Cms.Workflow.Audit;
using Microsoft.EntityFrameworkCore;

namespace Cms.Workflow.Events;

/// <summary>
/// The audit trail read as an ordered list of durable content events: everything after a cursor, oldest first.
/// On PostgreSQL an entry with a lower id can commit after one with a higher id, so a reader also asks again, for a
/// while, for the ids it found missing (<see cref="ReadAsync"/>'s <c>retry</c>).
/// </summary>
public sealed class ContentEventFeed(CmsDbContext db)
{
    public sealed record Entry(long Id, string? Origin, ContentEvent Event);

    public Task<long> GetHeadAsync(CancellationToken cancellationToken = default) =>
        db.AuditEvents.AsNoTracking().Select(a => (long?)a.Id).MaxAsync(cancellationToken).ContinueWith(t => t.Result ?? 0, TaskScheduler.Default);

    public async Task<IReadOnlyList<Entry>> ReadAsync(long after, IReadOnlyCollection<long> retry, int take, CancellationToken cancellationToken = default)
    {
        var ids = retry.ToList();
        var rows = await db.AuditEvents.AsNoTracking()
            .Where(a => (a.Id > after || ids.Contains(a.Id)) && a.TargetType == Core.Audit.AuditTargets.ContentItem)
            .OrderBy(a => a.Id)
            .Take(take)
            .ToListAsync(cancellationToken);
        var entries = new List<Entry>(rows.Count);
        foreach (var row in rows)
        {
            if (AuditKinds.ToEventKind(row.Kind) is { } kind && row.TargetId is { } id)
            {
                entries.Add(new Entry(row.Id, row.Origin, new ContentEvent(kind, id, row.ContentType ?? "", row.ContentItemVersionId, row.ActorId)));
            }
        }

        return entries;
    }

    /// <summary>Every entry id after <paramref name="after"/>, content or not, to find gaps in the sequence.</summary>
    public async Task<IReadOnlyList<long>> ReadIdsAsync(long after, int take, CancellationToken cancellationToken = default) =>
        await db.AuditEvents.AsNoTracking().Where(a => a.Id > after).OrderBy(a => a.Id).Select(a => a.Id).Take(take).ToListAsync(cancellationToken);
}
