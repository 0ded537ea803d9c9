using Cms.Core.Audit;
using Cms.Core.Content;
using Cms.Data.Entities;

namespace Cms.Data.Stores;

/// <summary>Audit entries as rows of the request's <see cref="CmsDbContext"/>: they commit with the change they describe.</summary>
public sealed class EfAuditLog(CmsDbContext db, IContentAccess access, TimeProvider clock, AuditOrigin origin, EfUnitOfWork unitOfWork) : IAuditLog
{
    private const int SummaryLength = 2048;

    public void Add(AuditEntry entry)
    {
        var record = ToRecord(entry, entry.Actor ?? access.Actor, clock.GetUtcNow().UtcDateTime, origin);
        if (unitOfWork.SavesDeferred)
        {
            // Written with the content it describes at the next flush, in the same transaction (see DeferredRows).
            unitOfWork.Rows.Add(record);
        }
        else
        {
            db.AuditEvents.Add(record);
        }
    }

    /// <summary>The row of an entry; also used by writers that see a save rather than a request (the security audit interceptor).</summary>
    public static AuditEventRecord ToRecord(AuditEntry entry, ContentActor actor, DateTime occurredUtc, AuditOrigin origin) =>
        new()
        {
            Kind = entry.Kind,
            OccurredUtc = occurredUtc,
            ActorId = actor.UserId,
            ActorName = actor.UserName,
            ClientId = actor.ClientId,
            IpAddress = actor.IpAddress,
            TargetType = entry.TargetType,
            TargetId = entry.TargetId,
            ContentType = entry.ContentType,
            ContentItemVersionId = entry.ContentItemVersionId,
            FromStage = entry.FromStage,
            ToStage = entry.ToStage,
            Summary = entry.Summary is { Length: > SummaryLength } text ? text[..SummaryLength] : entry.Summary,
            Origin = origin.Id,
        };

    public async Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        db.AuditEvents.Add(ToRecord(entry, entry.Actor ?? access.Actor, clock.GetUtcNow().UtcDateTime, origin));
        await db.SaveChangesAsync(cancellationToken);
    }
}
