using Cms.Core.Content;
using Cms.Workflow.Definitions;

namespace Cms.Workflow.Engine;

/// <summary>The content manager's <see cref="IContentWorkflow"/>: each type's workflow from the database, the rules from <see cref="WorkflowStateMachine"/>.</summary>
public sealed class EditorialContentWorkflow(WorkflowDefinitionStore definitions, IContentAccess access) : IContentWorkflow
{
    public async Task<TransitionPlan> PlanAsync(ContentItem latest, ContentItem? published, string transition, CancellationToken cancellationToken = default) =>
        WorkflowStateMachine.Plan(await definitions.GetAsync(latest.ContentType, cancellationToken), latest, published, transition);

    public async Task<ContentAction> PermissionForAsync(string contentType, string transition, CancellationToken cancellationToken = default) =>
        WorkflowStateMachine.PermissionFor(await definitions.GetAsync(contentType, cancellationToken), transition);

    public async Task<string> StageAfterEditAsync(ContentItem latest, CancellationToken cancellationToken = default)
    {
        var workflow = await definitions.GetAsync(latest.ContentType, cancellationToken);
        var mayReview = access.Actor.IsSystem || await access.IsAllowedAsync(ContentAction.Review, latest, cancellationToken);
        return WorkflowStateMachine.StageAfterEdit(workflow, latest, mayReview);
    }
}
