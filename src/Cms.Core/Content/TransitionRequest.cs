namespace Cms.Core.Content;

/// <summary>The caller's side of a transition: the version it saw, why (a comment), and for a schedule its time.</summary>
public sealed record TransitionRequest
{
    /// <summary>The latest version the caller saw; null skips the check (the scheduler and bulk actions re-read first).</summary>
    public string? ExpectedVersionId { get; init; }

    public string? Comment { get; init; }

    /// <summary>For the audit trail of a schedule: the time it was set to.</summary>
    public DateTime? ScheduledUtc { get; init; }
}
