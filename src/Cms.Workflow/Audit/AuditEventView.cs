namespace Cms.Workflow.Audit;

/// <summary>One audit entry as the API and the admin show it.</summary>
public sealed record AuditEventView(
    long Id,
    string Kind,
    DateTime OccurredUtc,
    string? ActorId,
    string? ActorName,
    string? ClientId,
    string? IpAddress,
    string TargetType,
    string? TargetId,
    string? ContentType,
    string? ContentItemVersionId,
    string? FromStage,
    string? ToStage,
    string? Summary);
