using Cms.Core.Events;

namespace Cms.GraphQL.Http;

/// <summary>Clears the response cache when published content changes.</summary>
internal sealed class GraphQLCacheInvalidator(GraphQLResponseCache cache) : IContentEventHandler
{
    public Task HandleAsync(ContentEvent contentEvent, CancellationToken cancellationToken)
    {
        if (contentEvent.Kind is ContentEventKind.Published or ContentEventKind.Unpublished or ContentEventKind.Deleted)
        {
            cache.Invalidate($"{contentEvent.Kind} {contentEvent.ContentType} {contentEvent.ContentItemId}");
        }

        return Task.CompletedTask;
    }
}
