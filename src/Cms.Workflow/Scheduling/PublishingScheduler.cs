using Cms.Core.Audit;
using Cms.Core.Content;
using Cms.Core.Storage;
using Cms.Data;
using Cms.Data.Entities;
using Cms.Workflow.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cms.Workflow.Scheduling;

/// <summary>
/// Publish at / unpublish at (Orchard Core's PublishLater and UnpublishLater). <see cref="ScheduleAsync"/> sets the
/// times on an approved version; <see cref="RunDueAsync"/> applies what is due exactly once, however many hosts
/// share the database: a due row is claimed by a conditional update (one winner), and the publish and the row's
/// done-mark (which checks the claim) commit together. A host that dies after claiming lets the claim expire, and
/// another host retries; a version edited since it was scheduled is skipped, with the reason kept for its owner.
/// </summary>
public sealed class PublishingScheduler(
    CmsDbContext db,
    IContentManager content,
    IContentStore store,
    IContentAccess access,
    IContentWorkflow workflow,
    IAuditLog audit,
    IUnitOfWork unitOfWork,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<SchedulerOptions> options,
    ILogger<PublishingScheduler> logger)
{
    public const string PublishAction = "publish";
    public const string UnpublishAction = "unpublish";

    /// <summary>
    /// Sets (or with both times null, clears) the publish and unpublish times of the item's approved latest version.
    /// A publish time in the past publishes now.
    /// </summary>
    public async Task<ContentItem> ScheduleAsync(string contentItemId, string? expectedVersionId, DateTime? publishAtUtc, DateTime? unpublishAtUtc, CancellationToken cancellationToken = default)
    {
        var now = Now();
        if (publishAtUtc is { } p && unpublishAtUtc is { } u && u <= p)
        {
            throw new ContentValidationException("$.unpublishAt", "must be later than publishAt.");
        }

        if (unpublishAtUtc is { } until && until <= now)
        {
            throw new ContentValidationException("$.unpublishAt", "must be in the future.");
        }

        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        var version = await content.TransitionAsync(contentItemId, Core.Content.ContentTransitions.Schedule,
            new TransitionRequest { ExpectedVersionId = expectedVersionId, ScheduledUtc = publishAtUtc ?? unpublishAtUtc }, cancellationToken);
        await CancelPendingAsync(contentItemId, "replaced by a new schedule", cancellationToken);
        if (publishAtUtc is { } at)
        {
            Add(version, PublishAction, at, now);
        }

        if (unpublishAtUtc is { } off)
        {
            Add(version, UnpublishAction, off, now);
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return version;
    }

    /// <summary>Plans taking a just-published version offline at <paramref name="atUtc"/>, in the caller's transaction.</summary>
    public void AddUnpublish(ContentItem version, DateTime atUtc)
    {
        if (atUtc <= Now())
        {
            throw new ContentValidationException("$.unpublishAt", "must be in the future.");
        }

        Add(version, UnpublishAction, atUtc, Now());
    }

    public async Task<IReadOnlyList<ScheduleView>> ListAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        var rows = await db.ContentSchedules.AsNoTracking()
            .Where(s => s.ContentItemId == contentItemId)
            .OrderByDescending(s => s.Id)
            .Take(20)
            .ToListAsync(cancellationToken);
        return rows.Select(s => new ScheduleView(s.Action, s.DueUtc, s.Status, s.ContentItemVersionId, s.CreatedBy, s.CompletedUtc, s.Reason)).ToList();
    }

    /// <summary>The earliest pending publish and unpublish time of each of these items (one query; items with none are left out).</summary>
    public async Task<IReadOnlyDictionary<string, (DateTime? PublishAtUtc, DateTime? UnpublishAtUtc)>> PendingAsync(IReadOnlyCollection<string> contentItemIds, CancellationToken cancellationToken = default)
    {
        if (contentItemIds.Count == 0)
        {
            return new Dictionary<string, (DateTime?, DateTime?)>();
        }

        var ids = contentItemIds.Distinct(StringComparer.Ordinal).ToList();
        var rows = await db.ContentSchedules.AsNoTracking()
            .Where(s => ids.Contains(s.ContentItemId) && s.Status == ScheduleStatus.Pending)
            .GroupBy(s => new { s.ContentItemId, s.Action })
            .Select(g => new { g.Key.ContentItemId, g.Key.Action, Due = g.Min(s => s.DueUtc) })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.ContentItemId, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => (g.FirstOrDefault(r => r.Action == PublishAction)?.Due, g.FirstOrDefault(r => r.Action == UnpublishAction)?.Due),
            StringComparer.Ordinal);
    }

    /// <summary>Cancels the item's pending schedules (an unpublish by hand, a delete, a new schedule) in the caller's transaction.</summary>
    public async Task CancelPendingAsync(string contentItemId, string reason, CancellationToken cancellationToken = default)
    {
        var pending = await db.ContentSchedules.Where(s => s.ContentItemId == contentItemId && s.Status == ScheduleStatus.Pending).ToListAsync(cancellationToken);
        foreach (var row in pending)
        {
            row.Status = ScheduleStatus.Cancelled;
            row.CompletedUtc = Now();
            row.Reason = reason;
        }
    }

    /// <summary>Applies every schedule that is due; returns how many items this host published or unpublished.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken = default)
    {
        var applied = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = Now();
            var due = await db.ContentSchedules.AsNoTracking()
                .Where(s => s.Status == ScheduleStatus.Pending && s.DueUtc <= now && (s.ClaimedUntilUtc == null || s.ClaimedUntilUtc < now))
                .OrderBy(s => s.DueUtc)
                .Select(s => s.Id)
                .Take(20)
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                return applied;
            }

            foreach (var id in due)
            {
                var token = Guid.NewGuid().ToString("N");
                if (await ClaimAsync(id, token, now, cancellationToken) && await ApplyClaimedAsync(id, token, cancellationToken))
                {
                    applied++;
                }
            }
        }

        return applied;
    }

    private async Task<bool> ClaimAsync(long id, string token, DateTime now, CancellationToken cancellationToken)
    {
        var until = now + options.Value.ClaimLease;
        var claimed = await db.ContentSchedules
            .Where(s => s.Id == id && s.Status == ScheduleStatus.Pending && (s.ClaimedUntilUtc == null || s.ClaimedUntilUtc < now))
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.ClaimToken, token)
                .SetProperty(s => s.ClaimedUntilUtc, until)
                .SetProperty(s => s.Attempts, s => s.Attempts + 1), cancellationToken);
        return claimed == 1;
    }

    /// <summary>Publishes or unpublishes in a fresh scope (as the system), marking the row done in the same transaction.</summary>
    private async Task<bool> ApplyClaimedAsync(long id, string token, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var worker = scope.ServiceProvider.GetRequiredService<PublishingScheduler>();
        try
        {
            return await worker.ApplyAsync(id, token, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The claim expires and the row is tried again; nothing was committed.
            logger.LogWarning(ex, "Scheduled change {ScheduleId} failed; it will be retried when its claim expires", id);
            return false;
        }
    }

    private async Task<bool> ApplyAsync(long id, string token, CancellationToken cancellationToken)
    {
        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        var row = await db.ContentSchedules.AsNoTracking().FirstAsync(s => s.Id == id, cancellationToken);
        var latest = await store.GetAsync(row.ContentItemId, VersionOptions.Latest, cancellationToken);
        var published = await store.GetAsync(row.ContentItemId, VersionOptions.Published, cancellationToken);
        var skipped = Skip(row, latest, published);
        if (skipped is null)
        {
            try
            {
                // The stage rules decide as for a person: a version withdrawn or sent back since it was scheduled is not published.
                await workflow.PlanAsync(latest!, published, row.Action == PublishAction ? Core.Content.ContentTransitions.Publish : Core.Content.ContentTransitions.Unpublish, cancellationToken);
            }
            catch (ContentTransitionException ex)
            {
                skipped = ex.Message;
            }
        }

        if (skipped is null)
        {
            if (row.Action == PublishAction)
            {
                await content.TransitionAsync(row.ContentItemId, Core.Content.ContentTransitions.Publish,
                    new TransitionRequest { ExpectedVersionId = row.ContentItemVersionId, Comment = $"Scheduled by {row.CreatedBy ?? "someone"}" }, cancellationToken);
            }
            else
            {
                await content.TransitionAsync(row.ContentItemId, Core.Content.ContentTransitions.Unpublish,
                    new TransitionRequest { Comment = $"Scheduled by {row.CreatedBy ?? "someone"}" }, cancellationToken);
            }
        }
        else
        {
            audit.Add(new AuditEntry(AuditKinds.ScheduleSkipped, AuditTargets.ContentItem, row.ContentItemId)
            {
                ContentType = latest?.ContentType,
                ContentItemVersionId = row.ContentItemVersionId,
                Summary = skipped,
            });
        }

        // The done-mark checks the claim: if this host's claim expired and another host took the row, this
        // transaction writes nothing and rolls back, so the item is changed once.
        var now = Now();
        var status = skipped is null ? ScheduleStatus.Done : ScheduleStatus.Skipped;
        var marked = await db.ContentSchedules
            .Where(s => s.Id == id && s.Status == ScheduleStatus.Pending && s.ClaimToken == token)
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.Status, status)
                .SetProperty(s => s.CompletedUtc, now)
                .SetProperty(s => s.Reason, skipped), cancellationToken);
        if (marked != 1)
        {
            logger.LogWarning("Scheduled change {ScheduleId} was taken over by another host; this host's attempt is rolled back", id);
            return false;
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (skipped is not null)
        {
            logger.LogInformation("Skipped scheduled {Action} of {ContentItemId}: {Reason}", row.Action, row.ContentItemId, skipped);
            return false;
        }

        logger.LogInformation("Applied scheduled {Action} of {ContentItemId}", row.Action, row.ContentItemId);
        return true;
    }

    /// <summary>Why a due schedule must not run, or null when it may.</summary>
    private static string? Skip(ContentScheduleRecord row, ContentItem? latest, ContentItem? published)
    {
        if (latest is null)
        {
            return "The item was deleted.";
        }

        if (row.Action == UnpublishAction)
        {
            return published is null ? "The item was not published any more." : null;
        }

        if (!string.Equals(latest.ContentItemVersionId, row.ContentItemVersionId, StringComparison.Ordinal))
        {
            return "The item was edited after it was scheduled, so the approved version is no longer the latest. Approve and schedule it again.";
        }

        return latest.Published ? "The version was already published." : null;
    }

    private void Add(ContentItem version, string action, DateTime dueUtc, DateTime now) =>
        db.ContentSchedules.Add(new ContentScheduleRecord
        {
            ContentItemId = version.ContentItemId,
            ContentItemVersionId = version.ContentItemVersionId,
            Action = action,
            DueUtc = dueUtc,
            Status = ScheduleStatus.Pending,
            CreatedUtc = now,
            CreatedBy = access.Actor.UserName,
        });

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
