namespace Cms.Workflow.Scheduling;

/// <summary>A scheduled publish or unpublish of an item, with why it was skipped when it was.</summary>
public sealed record ScheduleView(string Action, DateTime DueUtc, string Status, string ContentItemVersionId, string? CreatedBy, DateTime? CompletedUtc, string? Reason);
