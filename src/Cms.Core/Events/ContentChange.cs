using Cms.Core.Content;

namespace Cms.Core.Events;

/// <summary>
/// A change about to be committed: what happened (<see cref="Kind"/>, and for a transition its name), the version
/// it happened to, the stage before and after, who did it and why (a comment). Handed to
/// <see cref="IContentChangeHandler"/>s inside the transaction.
/// </summary>
public sealed record ContentChange(
    ContentEventKind Kind,
    ContentItem Item,
    string? FromStage,
    string? ToStage,
    ContentActor Actor,
    string? Transition = null,
    string? Comment = null,
    DateTime? ScheduledUtc = null)
{
    /// <summary>
    /// The item's search texts when they were made ahead from this very content (an import prepares them with the item,
    /// <see cref="PreparedContentItem"/>); otherwise null and whoever needs them makes them.
    /// </summary>
    public Search.SearchTexts? SearchTexts { get; init; }
}
