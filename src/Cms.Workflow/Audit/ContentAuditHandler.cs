using Cms.Core.Audit;
using Cms.Core.Content;
using Cms.Core.Events;
using Cms.Core.Html;
using Cms.Data;

namespace Cms.Workflow.Audit;

/// <summary>
/// Writes every content change into the audit trail inside its transaction, and the comment of a transition
/// (e.g. request-changes) into the item's review thread, so neither can exist without the other.
/// </summary>
public sealed class ContentAuditHandler(IAuditLog audit, CmsDbContext db, IHtmlSanitizerService sanitizer, TimeProvider clock) : IContentChangeHandler
{
    public Task OnChangingAsync(ContentChange change, CancellationToken cancellationToken)
    {
        audit.Add(new AuditEntry(AuditKinds.ForContent(change), AuditTargets.ContentItem, change.Item.ContentItemId)
        {
            ContentType = change.Item.ContentType,
            ContentItemVersionId = change.Item.ContentItemVersionId,
            FromStage = change.FromStage,
            ToStage = change.ToStage,
            Summary = change.Comment ?? (change.ScheduledUtc is { } at ? $"{change.Item.DisplayText} (at {at:yyyy-MM-dd HH:mm} UTC)" : change.Item.DisplayText),
            Actor = change.Actor,
        });

        if (change.Comment is { } comment && change.Transition is { } transition)
        {
            db.ContentComments.Add(Comments.ReviewThread.NewComment(change.Item, change.Actor, clock.GetUtcNow().UtcDateTime, sanitizer.Sanitize(comment), transition));
        }

        return Task.CompletedTask;
    }
}
