namespace Cms.Core.Events;

public enum ContentEventKind
{
    Created,
    Saved,
    Published,
    Unpublished,
    DraftDiscarded,
    Deleted,
}
