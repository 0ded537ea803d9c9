using Cms.Core.Audit;
using Cms.Core.Content;
using Cms.Core.Events;
using Cms.Core.Html;
using Cms.Data;
using Cms.Data.Entities;

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
            db.ContentComments.Add(new ContentCommentRecord
            {
                CommentId = IdGenerator.NewId(),
                ContentItemId = change.Item.ContentItemId,
                ContentItemVersionId = change.Item.ContentItemVersionId,
                AuthorId = change.Actor.UserId,
                AuthorName = change.Actor.UserName,
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
                Text = sanitizer.Sanitize(comment),
                Transition = transition,
            });
        }

        return Task.CompletedTask;
    }
}
