namespace Cms.Data.SharedState;

/// <summary>
/// Reacts, in this process, to a change another process committed (another node, a <c>recipe run</c>), in the order of
/// the event list. Registered as a singleton; <see cref="SharedStateListener"/> calls every handler for every event.
/// </summary>
public interface ISharedStateEventHandler
{
    Task HandleAsync(SharedStateEvent change, CancellationToken cancellationToken);
}
