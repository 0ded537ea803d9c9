namespace Cms.Data.Entities;

/// <summary>
/// One event to send to one endpoint (the outbox): written in the transaction of the content change, claimed by one
/// host at a time (a claim whose host died expires), sent until it succeeds or its retry window closes. The body is
/// made from these columns alone, so every attempt sends the same bytes under the same <see cref="MessageId"/>.
/// </summary>
public sealed class WebhookDeliveryRecord
{
    public long Id { get; set; }

    public string EndpointId { get; set; } = "";

    /// <summary>The <c>webhook-id</c> header: the same on every attempt.</summary>
    public string MessageId { get; set; } = "";

    /// <summary>The event's id, shared by the deliveries of one change to several endpoints.</summary>
    public string EventId { get; set; } = "";

    /// <summary><c>content.published</c>, <c>content.unpublished</c> or <c>content.deleted</c>.</summary>
    public string EventType { get; set; } = "";

    public string ContentType { get; set; } = "";

    public string ContentItemId { get; set; } = "";

    public string? ContentItemVersionId { get; set; }

    public string? Path { get; set; }

    public DateTime OccurredUtc { get; set; }

    /// <summary>Pending, Succeeded or Failed.</summary>
    public string Status { get; set; } = "Pending";

    public int Attempts { get; set; }

    public DateTime NextAttemptUtc { get; set; }

    /// <summary>Retries stop after this (24 hours after the event, or after a redelivery).</summary>
    public DateTime RetryUntilUtc { get; set; }

    public string? ClaimToken { get; set; }

    public DateTime? ClaimedUntilUtc { get; set; }

    public DateTime? LastAttemptUtc { get; set; }

    public int? LastStatusCode { get; set; }

    /// <summary>Why the last attempt failed (timeout, refused target, redirect, status).</summary>
    public string? LastError { get; set; }

    /// <summary>The first few hundred characters of the last response body.</summary>
    public string? ResponseExcerpt { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? CompletedUtc { get; set; }
}
