namespace Cms.Workflow.Scheduling;

/// <summary>The states of a scheduled publish or unpublish.</summary>
public static class ScheduleStatus
{
    public const string Pending = "Pending";
    public const string Done = "Done";
    public const string Skipped = "Skipped";
    public const string Cancelled = "Cancelled";
}
