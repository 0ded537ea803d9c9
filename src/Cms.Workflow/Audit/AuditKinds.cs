using Cms.Core.Events;

namespace Cms.Workflow.Audit;

/// <summary>The names of audit entries: <c>content.{transition}</c> for transitions, <c>content.{event}</c> otherwise.</summary>
public static class AuditKinds
{
    public const string ContentPrefix = "content.";
    public const string Comment = "content.comment";
    public const string CommentEdited = "content.comment-edited";
    public const string Restore = "content.restore";
    public const string ScheduleSkipped = "content.schedule-skipped";
    public const string ScheduleCancelled = "content.schedule-cancelled";

    public static string ForContent(ContentChange change) => change.Transition is { } transition
        ? ContentPrefix + transition
        : ContentPrefix + change.Kind switch
        {
            ContentEventKind.Created => "created",
            ContentEventKind.Saved => "saved",
            ContentEventKind.Published => "publish",
            ContentEventKind.Unpublished => "unpublish",
            ContentEventKind.DraftDiscarded => "draft-discarded",
            ContentEventKind.Deleted => "deleted",
            ContentEventKind.Assigned => "assigned",
            ContentEventKind.Scheduled => "schedule",
            _ => "stage-changed",
        };

    /// <summary>The content event an audit entry stands for, for readers of the event list on other nodes.</summary>
    public static ContentEventKind? ToEventKind(string kind) => kind switch
    {
        "content.created" => ContentEventKind.Created,
        "content.saved" or Restore => ContentEventKind.Saved,
        "content.publish" => ContentEventKind.Published,
        "content.unpublish" => ContentEventKind.Unpublished,
        "content.deleted" => ContentEventKind.Deleted,
        "content.draft-discarded" => ContentEventKind.DraftDiscarded,
        "content.assigned" => ContentEventKind.Assigned,
        "content.schedule" => ContentEventKind.Scheduled,
        _ when kind.StartsWith(ContentPrefix, StringComparison.Ordinal) => ContentEventKind.StageChanged,
        _ => null,
    };
}
