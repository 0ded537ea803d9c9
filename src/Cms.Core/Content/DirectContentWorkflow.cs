namespace Cms.Core.Content;

/// <summary>No review: an item is a draft until someone who may publish it publishes it.</summary>
public sealed class DirectContentWorkflow : IContentWorkflow
{
    public Task<TransitionPlan> PlanAsync(ContentItem latest, ContentItem? published, string transition, CancellationToken cancellationToken = default) =>
        Task.FromResult(Plan(latest, published, transition));

    public Task<ContentAction> PermissionForAsync(string contentType, string transition, CancellationToken cancellationToken = default) =>
        Task.FromResult(PermissionFor(contentType, transition));

    /// <summary>The permission a transition of a type without review needs; the workflow engine asks it for such types too.</summary>
    public static ContentAction PermissionFor(string contentType, string transition) =>
        transition is ContentTransitions.Publish or ContentTransitions.Unpublish
            ? ContentAction.Publish
            : throw NoReview(contentType, transition, null);

    private static ContentTransitionException NoReview(string contentType, string transition, string? stage) =>
        new(transition, stage, $"{contentType} items have no review workflow: '{transition}' does not apply; publish or unpublish them directly.");

    public Task<string> StageAfterEditAsync(ContentItem latest, CancellationToken cancellationToken = default) =>
        Task.FromResult(ContentStages.Draft);

    /// <summary>The rules of a type that publishes directly; also used by the workflow engine for such types.</summary>
    public static TransitionPlan Plan(ContentItem latest, ContentItem? published, string transition) => transition switch
    {
        ContentTransitions.Publish when !latest.Published =>
            new TransitionPlan(transition, ContentStages.Published, ContentAction.Publish, TransitionEffect.Publish),
        ContentTransitions.Unpublish when published is not null =>
            new TransitionPlan(transition, ContentStages.Draft, ContentAction.Publish, TransitionEffect.Unpublish),
        ContentTransitions.Publish or ContentTransitions.Unpublish => throw new ContentTransitionException(transition, latest.Stage,
            transition == ContentTransitions.Publish
                ? $"'{latest.DisplayText}' is already published."
                : $"'{latest.DisplayText}' is not published."),
        _ => throw NoReview(latest.ContentType, transition, latest.Stage),
    };
}
