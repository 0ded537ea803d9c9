using Cms.Core.Audit;
using Cms.Core.Content;
using Cms.Core.Storage;
using Cms.Workflow.Audit;
using Cms.Workflow.Comments;

namespace Cms.Workflow.History;

/// <summary>
/// An item's versions, the differences between any two, and restoring an old version as a new draft. Reading
/// history needs the preview permission on the item (through <see cref="IContentManager.GetVersionsAsync"/>).
/// </summary>
public sealed class ContentHistory(IContentManager content, ReviewThread thread, IAuditLog audit, IUnitOfWork unitOfWork)
{
    public async Task<IReadOnlyList<VersionView>> ListAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        var versions = await RequireVersionsAsync(contentItemId, cancellationToken);
        var comments = (await thread.ListAsync(contentItemId, cancellationToken)).ToLookup(c => c.ContentItemVersionId, StringComparer.Ordinal);
        return versions.Select((v, i) => new VersionView(i + 1, v.ContentItemVersionId, v.DisplayText, v.Author, v.ModifiedUtc, v.Published ? ContentStages.Published : v.Stage,
            v.Latest, v.Published, comments[v.ContentItemVersionId].ToList())).Reverse().ToList();
    }

    /// <summary>The differences between two versions; without <paramref name="toVersionId"/> the latest, without <paramref name="fromVersionId"/> the one before it.</summary>
    public async Task<VersionDiff> DiffAsync(string contentItemId, string? fromVersionId, string? toVersionId, CancellationToken cancellationToken = default)
    {
        var versions = await RequireVersionsAsync(contentItemId, cancellationToken);
        var to = toVersionId is null ? versions[^1] : Find(versions, toVersionId, "$.to");
        var toIndex = versions.ToList().IndexOf(to);
        var from = fromVersionId is null ? versions[Math.Max(0, toIndex - 1)] : Find(versions, fromVersionId, "$.from");
        return new VersionDiff(from.ContentItemVersionId, to.ContentItemVersionId, VersionDiffer.Diff(from.Content, to.Content));
    }

    /// <summary>Saves the parts of an old version as a new draft on top of <paramref name="expectedVersionId"/> (the latest the caller saw).</summary>
    public async Task<ContentItem> RestoreAsync(string contentItemId, string versionId, string expectedVersionId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        var versions = await RequireVersionsAsync(contentItemId, cancellationToken);
        var old = Find(versions, versionId, "$.versionId");
        var draft = await content.UpdateAsync(contentItemId, expectedVersionId, old.Content, cancellationToken);
        var number = versions.ToList().FindIndex(v => v.ContentItemVersionId == versionId) + 1;
        audit.Add(new AuditEntry(AuditKinds.Restore, AuditTargets.ContentItem, contentItemId)
        {
            ContentType = draft.ContentType,
            ContentItemVersionId = draft.ContentItemVersionId,
            ToStage = draft.Stage,
            Summary = $"Restored version {number} ({versionId}) as a new draft.",
        });
        await unitOfWork.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return draft;
    }

    private async Task<IReadOnlyList<ContentItem>> RequireVersionsAsync(string contentItemId, CancellationToken cancellationToken)
    {
        var versions = await content.GetVersionsAsync(contentItemId, cancellationToken);
        return versions.Count > 0 ? versions : throw new ContentNotFoundException(contentItemId);
    }

    private static ContentItem Find(IReadOnlyList<ContentItem> versions, string versionId, string path) =>
        versions.FirstOrDefault(v => string.Equals(v.ContentItemVersionId, versionId, StringComparison.Ordinal))
        ?? throw new ContentValidationException(path, $"'{versionId}' is not a version of this item.");
}
