namespace Cms.Workflow.Audit;

/// <summary>A search of the audit trail; every criterion is optional.</summary>
public sealed record AuditQuery
{
    public string? ActorId { get; init; }
    public string? TargetType { get; init; }
    public string? TargetId { get; init; }

    /// <summary>An exact kind (<c>content.approve</c>) or a prefix ending in a dot (<c>content.</c>).</summary>
    public string? Kind { get; init; }

    public DateTime? FromUtc { get; init; }
    public DateTime? ToUtc { get; init; }
    public int Skip { get; init; }
    public int Take { get; init; } = 50;
}
