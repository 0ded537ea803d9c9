namespace Cms.Data.SharedState;

/// <summary>One row of the durable event list (the audit trail) that another process committed.</summary>
public sealed record SharedStateEvent(
    long Id,
    string Kind,
    string TargetType,
    string? TargetId,
    string? ContentType,
    string? ContentItemVersionId,
    string? ActorId);
