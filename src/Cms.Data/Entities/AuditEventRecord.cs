namespace Cms.Data.Entities;

/// <summary>
/// One entry of the audit trail, written in the transaction of the change it records. Its <see cref="Id"/> grows
/// with every entry, so the table doubles as the ordered list of durable events that other parts (caches, other
/// nodes, webhooks) read after a cursor.
/// </summary>
public sealed class AuditEventRecord
{
    public long Id { get; set; }

    /// <summary>What happened, e.g. <c>content.submit</c>, <c>content.publish</c>, <c>security.sign-in-failed</c>, <c>user.disabled</c>.</summary>
    public string Kind { get; set; } = "";

    public DateTime OccurredUtc { get; set; }

    /// <summary>The user id (or client id for a client token) that acted; null for the system.</summary>
    public string? ActorId { get; set; }

    public string? ActorName { get; set; }

    public string? ClientId { get; set; }

    public string? IpAddress { get; set; }

    /// <summary>The kind of thing acted on: ContentItem, User, Role, Client, Token.</summary>
    public string TargetType { get; set; } = "";

    public string? TargetId { get; set; }

    /// <summary>The content type, for content entries.</summary>
    public string? ContentType { get; set; }

    public string? ContentItemVersionId { get; set; }

    public string? FromStage { get; set; }

    public string? ToStage { get; set; }

    /// <summary>A short human text: the transition's comment, the item's title, a role name.</summary>
    public string? Summary { get; set; }

    /// <summary>The process that wrote the entry, so that it can skip its own entries when it reads the event list.</summary>
    public string? Origin { get; set; }
}
