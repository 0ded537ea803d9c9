using Cms.Workflow.Scheduling;

namespace Cms.Workflow.Engine;

/// <summary>Where an item stands: its workflow and stage, what the caller may do next, its reviewer, due date and schedules.</summary>
public sealed record WorkflowState(
    string Workflow,
    string Stage,
    IReadOnlyList<string> Transitions,
    string? AssignedTo,
    DateTime? DueUtc,
    bool Overdue,
    bool HasPublishedVersion,
    IReadOnlyList<ScheduleView> Schedules)
{
    /// <summary>The transitions of <see cref="Transitions"/> that need a comment saying why (e.g. request-changes).</summary>
    public IReadOnlyList<string> CommentRequired { get; init; } = [];
}
