using Cms.Core.Content;
using Cms.Core.Security;
using Cms.Data;
using Cms.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cms.Workflow.Audit;

/// <summary>Reads the audit trail (needs <c>ViewAuditTrail</c>) and removes entries older than <c>Cms:Audit:RetentionDays</c>.</summary>
public sealed class AuditTrail(CmsDbContext db, IContentAccess access, TimeProvider clock, IOptions<AuditOptions> options)
{
    public const int MaxPageSize = 200;

    public async Task<(IReadOnlyList<AuditEventView> Items, int Total)> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        if (!await access.HasPermissionAsync(Permissions.ViewAuditTrail, cancellationToken))
        {
            throw new ContentAccessDeniedException(Permissions.ViewAuditTrail, (string?)null);
        }

        return await ReadAsync(query, cancellationToken);
    }

    /// <summary>An item's entries, for whoever may preview the item (the caller has checked that).</summary>
    internal Task<(IReadOnlyList<AuditEventView> Items, int Total)> ForItemAsync(string contentItemId, int skip, int take, CancellationToken cancellationToken) =>
        ReadAsync(new AuditQuery { TargetType = Core.Audit.AuditTargets.ContentItem, TargetId = contentItemId, Skip = skip, Take = take }, cancellationToken);

    public async Task<int> PurgeAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-Math.Max(1, options.Value.RetentionDays));
        return await db.AuditEvents.Where(a => a.OccurredUtc < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<(IReadOnlyList<AuditEventView> Items, int Total)> ReadAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        if (query.Take is < 1 or > MaxPageSize)
        {
            throw new ContentValidationException("$.take", $"must be between 1 and {MaxPageSize}.");
        }

        if (query.Skip < 0)
        {
            throw new ContentValidationException("$.skip", "must not be negative.");
        }

        IQueryable<AuditEventRecord> rows = db.AuditEvents.AsNoTracking();
        if (query.ActorId is { Length: > 0 } actor)
        {
            rows = rows.Where(a => a.ActorId == actor);
        }

        if (query.TargetType is { Length: > 0 } targetType)
        {
            rows = rows.Where(a => a.TargetType == targetType);
        }

        if (query.TargetId is { Length: > 0 } target)
        {
            rows = rows.Where(a => a.TargetId == target);
        }

        if (query.Kind is { Length: > 0 } kind)
        {
            rows = kind.EndsWith('.') ? rows.Where(a => a.Kind.StartsWith(kind)) : rows.Where(a => a.Kind == kind);
        }

        if (query.FromUtc is { } from)
        {
            rows = rows.Where(a => a.OccurredUtc >= from);
        }

        if (query.ToUtc is { } to)
        {
            rows = rows.Where(a => a.OccurredUtc < to);
        }

        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderByDescending(a => a.Id).Skip(query.Skip).Take(query.Take).ToListAsync(cancellationToken);
        return (page.Select(ToView).ToList(), total);
    }

    internal static AuditEventView ToView(AuditEventRecord a) =>
        new(a.Id, a.Kind, a.OccurredUtc, a.ActorId, a.ActorName, a.ClientId, a.IpAddress, a.TargetType, a.TargetId, a.ContentType, a.ContentItemVersionId, a.FromStage, a.ToStage, a.Summary);
}
