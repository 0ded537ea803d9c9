using Cms.Core.Content;
using Cms.Workflow.Definitions;

namespace Cms.Workflow.Engine;

/// <summary>
/// The rules of the workflows, as pure functions of a type's workflow and an item's versions: which transitions a
/// stage allows, where they lead, which permission they need, and the stage an edit starts. Every entry point
/// reaches these rules through <see cref="EditorialContentWorkflow"/>, which the content manager asks.
/// </summary>
public static class WorkflowStateMachine
{
    /// <summary>The stage the item is in for its workflow: the latest version's (Published when it is the live one).</summary>
    public static string CurrentStage(ContentItem latest) => latest.Published ? ContentStages.Published : latest.Stage;

    /// <summary>The permission each transition of a workflow needs (the one place that says so).</summary>
    public static ContentAction PermissionFor(TypeWorkflow workflow, string transition)
    {
        if (!workflow.IsEditorial)
        {
            return DirectContentWorkflow.PermissionFor(workflow.ContentType, transition);
        }

        return transition switch
        {
            ContentTransitions.Submit or ContentTransitions.Withdraw => ContentAction.Submit,
            ContentTransitions.RequestChanges or ContentTransitions.Approve => ContentAction.Review,
            ContentTransitions.Publish or ContentTransitions.Schedule or ContentTransitions.Unpublish => ContentAction.Publish,
            _ => throw new ContentTransitionException(transition, null,
                $"'{transition}' is not a transition; use one of: {string.Join(", ", ContentTransitions.All)}."),
        };
    }

    public static TransitionPlan Plan(TypeWorkflow workflow, ContentItem latest, ContentItem? published, string transition)
    {
        var permission = PermissionFor(workflow, transition);
        if (!workflow.IsEditorial)
        {
            return DirectContentWorkflow.Plan(latest, published, transition);
        }

        var stage = CurrentStage(latest);
        var direct = workflow.AllowDirectPublish;
        return transition switch
        {
            ContentTransitions.Submit => From(transition, latest, [ContentStages.Draft],
                new TransitionPlan(transition, ContentStages.InReview, permission, TransitionEffect.None)),
            ContentTransitions.Withdraw => From(transition, latest, [ContentStages.InReview, ContentStages.Approved],
                new TransitionPlan(transition, ContentStages.Draft, permission, TransitionEffect.None)),
            ContentTransitions.RequestChanges => From(transition, latest, [ContentStages.InReview, ContentStages.Approved],
                new TransitionPlan(transition, ContentStages.Draft, permission, TransitionEffect.None, RequiresComment: true)),
            ContentTransitions.Approve => From(transition, latest, [ContentStages.InReview],
                new TransitionPlan(transition, ContentStages.Approved, permission, TransitionEffect.None)),
            ContentTransitions.Publish => From(transition, latest, direct ? [ContentStages.Draft, ContentStages.InReview, ContentStages.Approved] : [ContentStages.Approved],
                new TransitionPlan(transition, ContentStages.Published, permission, TransitionEffect.Publish)),
            ContentTransitions.Schedule => From(transition, latest, direct ? [ContentStages.Draft, ContentStages.InReview, ContentStages.Approved] : [ContentStages.Approved],
                new TransitionPlan(transition, stage, permission, TransitionEffect.None)),
            _ => published is not null
                ? new TransitionPlan(transition, ContentStages.Draft, permission, TransitionEffect.Unpublish)
                : throw new ContentTransitionException(transition, stage, $"Cannot unpublish '{latest.DisplayText}': it is not published."),
        };
    }

    /// <summary>The transitions the item's stage allows (before permissions), in a natural order for buttons.</summary>
    public static IReadOnlyList<TransitionPlan> Available(TypeWorkflow workflow, ContentItem latest, ContentItem? published)
    {
        var plans = new List<TransitionPlan>();
        foreach (var name in ContentTransitions.All)
        {
            try
            {
                plans.Add(Plan(workflow, latest, published, name));
            }
            catch (ContentTransitionException)
            {
                // Not allowed from this stage: no button.
            }
        }

        return plans;
    }

    /// <summary>
    /// The stage of the version an edit creates. Draft and published items start a draft; an item in review stays in
    /// review when a reviewer edits it, and an approved item goes back to review (its approval was of other words).
    /// Anyone else must withdraw the item from review first.
    /// </summary>
    public static string StageAfterEdit(TypeWorkflow workflow, ContentItem latest, bool callerMayReview)
    {
        var stage = CurrentStage(latest);
        if (!workflow.IsEditorial || stage is ContentStages.Draft or ContentStages.Published)
        {
            return ContentStages.Draft;
        }

        return callerMayReview
            ? ContentStages.InReview
            : throw new ContentTransitionException("edit", stage,
                $"'{latest.DisplayText}' is {Describe(stage)}: withdraw it from review to edit it, or ask a reviewer to make the change.");
    }

    /// <summary>A stage for people: "In review", "Approved".</summary>
    public static string Describe(string stage) => stage switch
    {
        ContentStages.InReview => "in review",
        ContentStages.Approved => "approved",
        ContentStages.Published => "published",
        _ => "a draft",
    };

    private static TransitionPlan From(string transition, ContentItem latest, string[] allowed, TransitionPlan plan)
    {
        var stage = CurrentStage(latest);
        if (allowed.Contains(stage, StringComparer.Ordinal))
        {
            return plan;
        }

        var from = string.Join(" or ", allowed.Select(Describe));
        var hint = transition is ContentTransitions.Publish or ContentTransitions.Schedule && stage is ContentStages.Draft or ContentStages.InReview
            ? " It must be approved by a reviewer first."
            : "";
        throw new ContentTransitionException(transition, stage,
            $"Cannot {transition.Replace('-', ' ')} '{latest.DisplayText}': it is {Describe(stage)}, and '{transition}' applies only to an item that is {from}.{hint}");
    }
}
