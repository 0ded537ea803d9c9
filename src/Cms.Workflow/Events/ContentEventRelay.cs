using Cms.Core.Audit;
using Cms.Core.Events;
using Cms.Data.SharedState;
using Cms.Workflow.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Workflow.Events;

/// <summary>
/// Hands content events written by other processes (another node, the <c>recipe run</c> command) to this process's
/// <see cref="IContentEventHandler"/>s, in the order of the event list, as <see cref="SharedStateListener"/> reads them:
/// so caches on every host follow changes made anywhere. Events this process raised itself were already handled
/// right after their commit.
/// </summary>
public sealed class ContentEventRelay(IServiceScopeFactory scopes) : ISharedStateEventHandler
{
    public async Task HandleAsync(SharedStateEvent change, CancellationToken cancellationToken)
    {
        if (change.TargetType != AuditTargets.ContentItem || change.TargetId is not { } id || AuditKinds.ToEventKind(change.Kind) is not { } kind)
        {
            return;
        }

        var contentEvent = new ContentEvent(kind, id, change.ContentType ?? "", change.ContentItemVersionId, change.ActorId);
        await using var scope = scopes.CreateAsyncScope();
        foreach (var handler in scope.ServiceProvider.GetServices<IContentEventHandler>())
        {
            await handler.HandleAsync(contentEvent, cancellationToken);
        }
    }
}
