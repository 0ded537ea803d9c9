namespace Cms.Core.Audit;

/// <summary>
/// Writes audit entries into the current unit of work, so an entry commits or rolls back with the change it
/// records. The caller saves as usual; an entry added outside a transaction is written by the next save.
/// </summary>
public interface IAuditLog
{
    void Add(AuditEntry entry);

    /// <summary>Adds an entry and saves it at once (for events that change nothing else, such as a failed sign-in).</summary>
    Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken = default);
}
