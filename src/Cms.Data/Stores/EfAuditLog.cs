using Cms.Core.Audit;
using Cms.Core.Content;
using Cms.Data.Entities;

namespace Cms.Data.Stores;

/// <summary>Audit entries as rows of the request's <see cref="CmsDbContext"/>: they commit with the change they describe.</summary>
public sealed class EfAuditLog(CmsDbContext db, IContentAccess access, TimeProvider clock, AuditOrigin origin) : IAuditLog
{
    private const int SummaryLength = 2048;

    public void Add(AuditEntry entry) =>
        db.AuditEvents.Add(ToRecord(entry, entry.Actor ?? access.Actor, clock.GetUtcNow().UtcDateTime, origin));

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
        Add(entry);
        await db.SaveChangesAsync(cancellationToken);
    }
}
