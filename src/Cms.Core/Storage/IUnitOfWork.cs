namespace Cms.Core.Storage;

/// <summary>
/// The request's database session. <see cref="BeginAsync"/> starts a transaction or joins the one already
/// open; only the outermost commit writes, and callbacks registered with <see cref="OnCommitted"/> run after it.
/// </summary>
public interface IUnitOfWork
{
    Task<IUnitOfWorkTransaction> BeginAsync(CancellationToken cancellationToken = default);

    Task SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Stops tracking the content versions, index rows, comments and audit entries this session has saved so far (the
    /// transaction stays open), so a long import in one transaction costs as much per item at the end as at the start.
    /// Anything else the session holds (users, roles, documents) is kept. Content left unsaved throws.
    /// </summary>
    void ForgetSavedContent();

    /// <summary>Runs after the outermost transaction commits (at once when none is open).</summary>
    void OnCommitted(Func<Task> action);

    /// <summary>Runs when the outermost transaction rolls back.</summary>
    void OnRolledBack(Action action);
}
