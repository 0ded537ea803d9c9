using Cms.Core.Content;
using Cms.Core.Storage;

namespace Cms.Workflow.Engine;

/// <summary>
/// The one rule for the workflow's per-item reads (state, comments, audit): the item's latest version, if the caller
/// may preview it; null otherwise, exactly as for an item that does not exist.
/// </summary>
internal static class PreviewableItem
{
    public static async Task<ContentItem?> LatestAsync(IContentStore store, IContentAccess access, string contentItemId, CancellationToken cancellationToken)
    {
        var latest = await store.GetAsync(contentItemId, VersionOptions.Latest, cancellationToken);
        return latest is not null && await access.IsAllowedAsync(ContentAction.Preview, latest, cancellationToken) ? latest : null;
    }
}
