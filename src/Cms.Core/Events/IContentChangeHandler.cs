namespace Cms.Core.Events;

/// <summary>
/// Runs inside the transaction of a content change, before it commits: writes that must commit or roll back with
/// the change (the audit trail and its event list), and checks that can veto it (throw
/// <see cref="Content.ContentValidationException"/> or <see cref="Content.ContentTransitionException"/>; nothing is
/// then written). Reactions that may run late (caches, webhooks) use <see cref="IContentEventHandler"/> instead.
/// </summary>
public interface IContentChangeHandler
{
    Task OnChangingAsync(ContentChange change, CancellationToken cancellationToken);
}
