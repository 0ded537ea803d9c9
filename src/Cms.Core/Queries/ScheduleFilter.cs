namespace Cms.Core.Queries;

/// <summary>
/// True when the item has a planned publish or unpublish (a row of the scheduler's table) with this action and status,
/// due at or after <see cref="DueFromUtc"/> and before <see cref="DueBeforeUtc"/> when they are set. Matched on the item,
/// not the version, as the editorial desk shows an item's plan.
/// </summary>
public sealed record ScheduleFilter(string Action, string Status) : ContentFilter
{
    public DateTime? DueFromUtc { get; init; }
    public DateTime? DueBeforeUtc { get; init; }
}
