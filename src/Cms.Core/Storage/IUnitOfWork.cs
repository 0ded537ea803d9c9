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
    /// Inside the open transaction, until the returned scope is disposed, <see cref="SaveChangesAsync"/> writes nothing:
    /// the changes wait in the session and are written together by <see cref="FlushAsync"/>, by the next save after the
    /// scope, or at the latest by the commit. A bulk writer (the recipe Content step) saves a batch of items in one round
    /// of statements this way, through the same content service as a single save. The content store still answers as if
    /// every save had been written: a lookup that an unwritten item could change (same id, same path) flushes first.
    /// </summary>
    IDisposable DeferSaves();

    /// <summary>Writes the changes that <see cref="DeferSaves"/> held back (nothing when there are none).</summary>
    Task FlushAsync(CancellationToken cancellationToken = default);

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
