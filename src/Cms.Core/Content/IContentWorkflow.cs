namespace Cms.Core.Content;

/// <summary>
/// The seam between the version rules (<see cref="ContentManager"/>) and the editorial rules (stages and
/// transitions, implemented by Cms.Workflow). The content manager asks it before every transition and every edit,
/// inside the transaction, so no entry point can move an item past a stage its workflow does not allow.
/// Without Cms.Workflow, <see cref="DirectContentWorkflow"/> applies: items are drafts until published.
/// </summary>
public interface IContentWorkflow
{
    /// <summary>
    /// What <paramref name="transition"/> does from the item's current state. Throws
    /// <see cref="ContentTransitionException"/> when its workflow does not allow it from this stage.
    /// </summary>
    Task<TransitionPlan> PlanAsync(ContentItem latest, ContentItem? published, string transition, CancellationToken cancellationToken = default);

    /// <summary>
    /// The permission a transition needs on the item (asked before the stage rules, so a caller who may not make the
    /// transition at all is told so rather than what stage the item is in). Throws
    /// <see cref="ContentTransitionException"/> for a transition the type's workflow does not have.
    /// </summary>
    Task<ContentAction> PermissionForAsync(string contentType, string transition, CancellationToken cancellationToken = default);

    /// <summary>
    /// The stage of the version an edit of <paramref name="latest"/> creates. Throws
    /// <see cref="ContentTransitionException"/> when the caller may not edit at this stage.
    /// </summary>
    Task<string> StageAfterEditAsync(ContentItem latest, CancellationToken cancellationToken = default);
}
