namespace Cms.Core.Audit;

/// <summary>
/// What the audit trail records of one change: its kind (<c>content.approve</c>, <c>user.disabled</c>, ...), what it
/// was done to, and for content the version and the stages before and after. Who did it, from which client and
/// address, and when, come from the caller. Never holds a secret: no passwords, tokens or client secrets.
/// </summary>
public sealed record AuditEntry(string Kind, string TargetType, string? TargetId)
{
    public string? ContentType { get; init; }
    public string? ContentItemVersionId { get; init; }
    public string? FromStage { get; init; }
    public string? ToStage { get; init; }

    /// <summary>A short text for people: a comment, a title, a role name.</summary>
    public string? Summary { get; init; }

    /// <summary>Overrides the caller as the actor (e.g. a failed sign-in names the account tried, by id).</summary>
    public Content.ContentActor? Actor { get; init; }
}
