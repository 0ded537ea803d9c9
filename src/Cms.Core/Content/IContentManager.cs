using System.Text.Json.Nodes;
using Cms.Core.Queries;

namespace Cms.Core.Content;

/// <summary>
/// The one place that knows the version rules. Every method checks the caller's permission on the item,
/// validates, writes in one transaction, and raises events after commit.
/// </summary>
public interface IContentManager
{
    /// <summary>Creates an item as a draft (and publishes it when asked). <paramref name="item"/> carries the type and parts.</summary>
    Task<ContentItem> CreateAsync(ContentItem item, bool publish, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves new part values. The write names the version it started from; if the latest version is another
    /// one, nothing is written and <see cref="ContentConflictException"/> is thrown. Editing a published item
    /// makes a draft; the live version does not change until the draft is published.
    /// </summary>
    Task<ContentItem> UpdateAsync(string contentItemId, string expectedVersionId, JsonObject parts, CancellationToken cancellationToken = default);

    Task<ContentItem> PublishAsync(string contentItemId, string? expectedVersionId = null, CancellationToken cancellationToken = default);

    Task UnpublishAsync(string contentItemId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves the item along its workflow (<see cref="ContentTransitions"/>): the workflow decides what the transition
    /// may do from the current stage (<see cref="IContentWorkflow"/>), the caller's permission on the item is checked,
    /// and the change, its audit entry and its event commit together. Returns the version it acted on.
    /// </summary>
    Task<ContentItem> TransitionAsync(string contentItemId, string transition, TransitionRequest request, CancellationToken cancellationToken = default);

    /// <summary>Assigns the item's review to a user (null clears it) with an optional due date; needs the review permission.</summary>
    Task<ContentItem> AssignAsync(string contentItemId, string? expectedVersionId, string? assignedTo, DateTime? dueUtc, CancellationToken cancellationToken = default);

    /// <summary>Drops the draft over a published item; the published version becomes the latest again. The draft is kept in history.</summary>
    Task<ContentItem> DiscardDraftAsync(string contentItemId, string? expectedVersionId = null, CancellationToken cancellationToken = default);

    /// <summary>Removes the item from every listing; its versions stay in history.</summary>
    Task DeleteAsync(string contentItemId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Rewrites an item for a data upgrade (a recipe step moving references, say): <paramref name="revise"/> gets a copy of
    /// the parts of the published version and one of the latest version, and says whether it changed them. Each changed
    /// copy becomes a new version, checked and indexed as any save: the published one is published at once with its
    /// publication date kept (readers see the change, the draft's words are not published), and a pending draft stays the
    /// latest version on top, in its stage. Needs the edit and publish permissions; <paramref name="reason"/> goes into the
    /// audit trail. Returns false, writing nothing, when neither copy changed.
    /// </summary>
    Task<bool> ReviseAsync(string contentItemId, Func<JsonObject, bool> revise, string reason, CancellationToken cancellationToken = default);

    /// <summary>Creates or updates an item from a recipe or an import, keeping its id, dates and flags. Unchanged items are left alone.</summary>
    Task<ImportOutcome> ImportAsync(ContentItem item, string path, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="ImportAsync(ContentItem, string, CancellationToken)"/> for an item normalized ahead
    /// (<see cref="ContentItemNormalizer.PrepareImport"/>): the same checks and the same result, with the normalizing
    /// already done.
    /// </summary>
    Task<ImportOutcome> ImportAsync(PreparedContentItem prepared, CancellationToken cancellationToken = default);

    /// <summary>
    /// The editor's path check, by the same rule a save applies: a typed <paramref name="path"/> is normalized and
    /// checked against every other item's path; without one, the path a save would generate from
    /// <paramref name="title"/> is returned. Needs the edit permission on the type (own items are enough).
    /// </summary>
    Task<PathCheck> CheckPathAsync(string contentType, string? contentItemId, string? path, string? title, CancellationToken cancellationToken = default);

    /// <summary>
    /// The version, if the caller may read it (view a published version, preview any other); null otherwise, exactly
    /// as for an item that does not exist.
    /// </summary>
    Task<ContentItem?> GetAsync(string contentItemId, VersionOptions options = VersionOptions.Published, CancellationToken cancellationToken = default);

    /// <summary>
    /// An unsaved item as a save would leave it, for a preview: the parts are checked and cleaned by the same field
    /// kinds (HTML sanitized, path assigned), the common properties come from the stored latest version (or the caller,
    /// for a new item), and nothing is written. The caller needs the preview permission on the item, or the edit
    /// permission on an item of their own; <see cref="ContentAccessDeniedException"/> otherwise.
    /// </summary>
    Task<ContentItem> PreparePreviewAsync(ContentItem item, CancellationToken cancellationToken = default);

    Task<ContentItem?> GetVersionAsync(string contentItemVersionId, CancellationToken cancellationToken = default);

    /// <summary>Every version, oldest first, if the caller may preview the item; empty otherwise.</summary>
    Task<IReadOnlyList<ContentItem>> GetVersionsAsync(string contentItemId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Items matching a query, narrowed in SQL to what the caller may read (own items only where the caller holds the
    /// "own" permission); <see cref="ContentAccessDeniedException"/> when it may read none of the types. Read-only, as <see cref="Storage.IContentStore.QueryAsync"/>: change an item through <see cref="GetAsync"/>.</summary>
    Task<ContentQueryResult> QueryAsync(ContentQuery query, CancellationToken cancellationToken = default);
}
