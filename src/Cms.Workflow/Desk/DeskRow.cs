namespace Cms.Workflow.Desk;

/// <summary>
/// One item of the desk's list, as its latest version stands: title, type, stage, where it is filed (section, byline),
/// who owns it and reviews it, when it changed, when its review is due and when it is planned to go live or offline.
/// </summary>
public sealed record DeskRow(
    string ContentItemId,
    string ContentItemVersionId,
    string Title,
    string ContentType,
    string TypeDisplayName,
    string Stage,
    bool Published,
    IReadOnlyList<string> Sections,
    IReadOnlyList<string> Authors,
    string? Owner,
    string? AssignedTo,
    DateTime? ModifiedUtc,
    DateTime? DueUtc,
    bool Overdue,
    DateTime? PublishAtUtc,
    DateTime? UnpublishAtUtc);
