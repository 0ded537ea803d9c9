using Cms.Core.Events;
using Cms.GraphQL.Execution;

namespace Cms.GraphQL.Http;

/// <summary>
/// Keeps the GraphQL caches in step with content: any event of an item drops its published version from
/// <see cref="PublishedItemCache"/> (a saved draft changes the published version's flags), and publishing, unpublishing
/// or deleting clears the response cache. In that order, so a response computed after the second step cannot be built
/// from an item the first step has not dropped yet.
/// </summary>
internal sealed class GraphQLCacheInvalidator(PublishedItemCache items, GraphQLResponseCache cache) : IContentEventHandler
{
    public Task HandleAsync(ContentEvent contentEvent, CancellationToken cancellationToken)
    {
        items.Invalidate(contentEvent.ContentItemId);
        if (contentEvent.Kind is ContentEventKind.Published or ContentEventKind.Unpublished or ContentEventKind.Deleted)
        {
            cache.Invalidate($"{contentEvent.Kind} {contentEvent.ContentType} {contentEvent.ContentItemId}");
        }

        return Task.CompletedTask;
    }
}
