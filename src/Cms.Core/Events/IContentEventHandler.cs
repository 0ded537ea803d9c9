namespace Cms.Core.Events;

/// <summary>Reacts to committed content changes: cache invalidation, audit, webhooks.</summary>
public interface IContentEventHandler
{
    Task HandleAsync(ContentEvent contentEvent, CancellationToken cancellationToken);
}
