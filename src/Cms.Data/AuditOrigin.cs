namespace Cms.Data;

/// <summary>Names this process in the audit trail's event list, so that it can skip the events it raised itself.</summary>
public sealed class AuditOrigin
{
    public string Id { get; } = Guid.NewGuid().ToString("N");
}
