namespace Cms.Workflow.Webhooks;

/// <summary>One line of an endpoint's delivery log.</summary>
public sealed record WebhookDeliveryView(
    long Id,
    string MessageId,
    string EventId,
    string EventType,
    string ContentType,
    string ContentItemId,
    string? ContentItemVersionId,
    string? Path,
    string Status,
    int Attempts,
    int? LastStatusCode,
    string? LastError,
    string? ResponseExcerpt,
    DateTime? LastAttemptUtc,
    DateTime? NextAttemptUtc,
    DateTime CreatedUtc,
    DateTime? CompletedUtc);
