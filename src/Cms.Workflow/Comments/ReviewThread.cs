using Cms.Core.Audit;
using Cms.Core.Content;
using Cms.Core.Html;
using Cms.Core.Storage;
using Cms.Data;
using Cms.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cms.Workflow.Comments;

/// <summary>
/// The review comments of an item. Whoever may preview an item may read and write its thread (so an Author can
/// comment on everyone's articles, a Contributor on their own); a comment is sanitized HTML, tied to the version it
/// was made on, and its writer may change it for <see cref="EditWindow"/>.
/// </summary>
public sealed class ReviewThread(
    CmsDbContext db,
    IContentStore store,
    IContentAccess access,
    IHtmlSanitizerService sanitizer,
    IAuditLog audit,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
{
    public static readonly TimeSpan EditWindow = TimeSpan.FromMinutes(10);
    public const int MaxLength = 10_000;

    public async Task<IReadOnlyList<CommentView>> ListAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        await RequireItemAsync(contentItemId, cancellationToken);
        var rows = await db.ContentComments.AsNoTracking()
            .Where(c => c.ContentItemId == contentItemId)
            .OrderBy(c => c.Id)
            .ToListAsync(cancellationToken);
        return rows.Select(ToView).ToList();
    }

    public async Task<CommentView> AddAsync(string contentItemId, string? text, CancellationToken cancellationToken = default)
    {
        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        var item = await RequireItemAsync(contentItemId, cancellationToken);
        var clean = Clean(text);
        var record = NewComment(item, access.Actor, Now(), clean, transition: null);
        db.ContentComments.Add(record);
        audit.Add(new AuditEntry(Audit.AuditKinds.Comment, AuditTargets.ContentItem, contentItemId)
        {
            ContentType = item.ContentType,
            ContentItemVersionId = item.ContentItemVersionId,
            Summary = clean,
        });
        await unitOfWork.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ToView(record);
    }

    public async Task<CommentView> EditAsync(string contentItemId, string commentId, string? text, CancellationToken cancellationToken = default)
    {
        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        var item = await RequireItemAsync(contentItemId, cancellationToken);
        var record = await db.ContentComments.FirstOrDefaultAsync(c => c.CommentId == commentId && c.ContentItemId == contentItemId, cancellationToken)
            ?? throw new ContentNotFoundException($"Comment '{commentId}' was not found.", new KeyNotFoundException(commentId));
        if (!IsOwn(record))
        {
            throw new ContentAccessDeniedException("Only the writer of a comment may change it.", new UnauthorizedAccessException());
        }

        if (Now() - record.CreatedUtc > EditWindow)
        {
            throw new ContentTransitionException("edit-comment", null,
                $"A comment can be changed for {EditWindow.TotalMinutes:0} minutes after it was written; this one was written at {record.CreatedUtc:HH:mm} UTC. Add a new comment instead.");
        }

        record.Text = Clean(text);
        record.EditedUtc = Now();
        audit.Add(new AuditEntry(Audit.AuditKinds.CommentEdited, AuditTargets.ContentItem, contentItemId)
        {
            ContentType = item.ContentType,
            ContentItemVersionId = record.ContentItemVersionId,
            Summary = record.Text,
        });
        await unitOfWork.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ToView(record);
    }

    /// <summary>A comment on the item's version; the text must already be sanitized.</summary>
    internal static ContentCommentRecord NewComment(ContentItem item, ContentActor actor, DateTime createdUtc, string sanitizedText, string? transition) => new()
    {
        CommentId = IdGenerator.NewId(),
        ContentItemId = item.ContentItemId,
        ContentItemVersionId = item.ContentItemVersionId,
        AuthorId = actor.UserId,
        AuthorName = actor.UserName,
        CreatedUtc = createdUtc,
        Text = sanitizedText,
        Transition = transition,
    };

    /// <summary>The item's latest version, if the caller may preview it; otherwise exactly as for a missing item.</summary>
    private async Task<ContentItem> RequireItemAsync(string contentItemId, CancellationToken cancellationToken)
    {
        return await Engine.PreviewableItem.LatestAsync(store, access, contentItemId, cancellationToken)
            ?? throw new ContentNotFoundException(contentItemId);
    }

    private string Clean(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new ContentValidationException("$.text", "is required.");
        }

        if (trimmed.Length > MaxLength)
        {
            throw new ContentValidationException("$.text", $"must be at most {MaxLength} characters.");
        }

        var clean = sanitizer.Sanitize(trimmed).Trim();
        return clean.Length > 0 ? clean : throw new ContentValidationException("$.text", "has no text left once unsafe markup is removed.");
    }

    private bool IsOwn(ContentCommentRecord record) =>
        access.Actor.UserId is { } me && string.Equals(record.AuthorId, me, StringComparison.Ordinal);

    private CommentView ToView(ContentCommentRecord c) =>
        new(c.CommentId, c.ContentItemVersionId, c.AuthorId, c.AuthorName, c.CreatedUtc, c.EditedUtc, c.Text, c.Transition,
            IsOwn(c) && Now() - c.CreatedUtc <= EditWindow);

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
