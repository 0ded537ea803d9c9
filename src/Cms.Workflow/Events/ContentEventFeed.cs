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
    /// <summary>One entry of the list; <see cref="Event"/> is null for entries that are not about content.</summary>
    public sealed record Entry(long Id, string? Origin, ContentEvent? Event);

    public async Task<long> GetHeadAsync(CancellationToken cancellationToken = default) =>
        await db.AuditEvents.AsNoTracking().MaxAsync(a => (long?)a.Id, cancellationToken) ?? 0;

    /// <summary>Every entry after <paramref name="after"/> (content or not, so gaps in the ids show) and those of <paramref name="retry"/>, oldest first.</summary>
    public async Task<IReadOnlyList<Entry>> ReadAsync(long after, IReadOnlyCollection<long> retry, int take, CancellationToken cancellationToken = default)
    {
        var ids = retry.ToList();
        var rows = await db.AuditEvents.AsNoTracking()
            .Where(a => a.Id > after || ids.Contains(a.Id))
            .OrderBy(a => a.Id)
            .Take(take)
            .Select(a => new { a.Id, a.Origin, a.Kind, a.TargetType, a.TargetId, a.ContentType, a.ContentItemVersionId, a.ActorId })
            .ToListAsync(cancellationToken);
        return rows.Select(a => new Entry(a.Id, a.Origin,
            a.TargetType == Core.Audit.AuditTargets.ContentItem && a.TargetId is { } id && AuditKinds.ToEventKind(a.Kind) is { } kind
                ? new ContentEvent(kind, id, a.ContentType ?? "", a.ContentItemVersionId, a.ActorId)
                : null)).ToList();
    }
}
