namespace Cms.Core.Events;

public enum ContentEventKind
{
    Created,
    Saved,
    Published,
    Unpublished,
    DraftDiscarded,
    Deleted,

    /// <summary>The latest version moved to another stage without being published or unpublished (submit, approve, ...).</summary>
    StageChanged,

    /// <summary>A publish or unpublish time was set or cleared.</summary>
    Scheduled,

    /// <summary>The assignee or due date of an item changed.</summary>
    Assigned,
}
