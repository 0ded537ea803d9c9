using System.Data.Common;
using System.Runtime.ExceptionServices;
using Cms.Core.Storage;
using Cms.Data.Entities;
using Cms.Data.SharedState;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cms.Data.Stores;

/// <summary>The request's transaction over <see cref="CmsDbContext"/>; nested scopes join the outer one.</summary>
public sealed class EfUnitOfWork(CmsDbContext db, SharedStateChangeInterceptor stamp) : IUnitOfWork, IDisposable
{
    private readonly DeferredRows _rows = new(db, stamp);
    private readonly List<Func<Task>> _onCommitted = [];
    private readonly List<Action> _onRolledBack = [];
    private IDbContextTransaction? _transaction;
    private bool _doomed;
    private int _deferring;
    private bool _deferred;
    private long? _pageCacheBefore;

    /// <summary>
    /// SQLite's page cache while saves are deferred, in KiB (<c>PRAGMA cache_size</c>; the default is 2,000). A long
    /// import writes a hundred megabytes or more in one transaction: with the default cache SQLite keeps moving changed
    /// pages out to the log and reading them back, which cost 20,000 articles about 15 s of system time and made the
    /// writes half of the import. The connection's own size comes back when the transaction ends.
    /// </summary>
    internal const int DeferredPageCacheKiB = 64 * 1024;

    /// <summary>True while <see cref="DeferSaves"/> holds saves back inside the open transaction.</summary>
    internal bool SavesDeferred => _deferring > 0 && _transaction is not null;

    /// <summary>
    /// True while a transaction is open: what this session reads may be its own uncommitted (and later rolled back)
    /// writes, so it must not share what it reads with other sessions.
    /// </summary>
    internal bool InTransaction => _transaction is not null;

    /// <summary>The transaction open now, if any: what was found in it holds while it is still the one open.</summary>
    internal IDbContextTransaction? Transaction => _transaction;

    /// <summary>True when a save was held back and is not written yet.</summary>
    internal bool HasUnwrittenSaves => _deferred || _rows.Any;

    /// <summary>New rows saved while saves are deferred, written at the next flush without the change tracker.</summary>
    internal DeferredRows Rows => _rows;

    /// <summary>
    /// Changes whenever what the session held unwritten is gone (written, or rolled back), so the content store knows
    /// which of the versions it noted are still only in memory.
    /// </summary>
    internal long Generation { get; private set; }

    public async Task<IUnitOfWorkTransaction> BeginAsync(CancellationToken cancellationToken = default)
    {
        if (_transaction is not null)
        {
            return new Scope(this, outermost: false);
        }

        _transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        _doomed = false;
        return new Scope(this, outermost: true);
    }

    public async Task SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        if (SavesDeferred)
        {
            _deferred = true;
            return;
        }

        await WriteAsync(cancellationToken);
        if (_transaction is null)
        {
            await RunCommittedAsync();
        }
    }

    public IDisposable DeferSaves()
    {
        if (_transaction is null)
        {
            throw new InvalidOperationException("Saves can be deferred only inside a transaction (the commit writes what is left).");
        }

        if (_deferring == 0 && _pageCacheBefore is null && db.Database.IsSqlite())
        {
            _pageCacheBefore = ReadPageCache();
            SetPageCache(-DeferredPageCacheKiB);
        }

        _deferring++;
        return new Deferral(this);
    }

    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        if (HasUnwrittenSaves)
        {
            await WriteAsync(cancellationToken);
        }
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _rows.WriteAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new Core.Content.ContentConflictException("The item was changed by someone else while this change was being saved. Reload and apply your changes again.", ex);
        }

        _deferred = false;
        Generation++;
    }

    public void ForgetSavedContent()
    {
        var content = db.ChangeTracker.Entries()
            .Where(e => e.Entity is ContentItemRecord or FieldIndexRecord or ContentCommentRecord or AuditEventRecord or ContentSearchRecord)
            .ToList();
        if (_rows.Any)
        {
            throw new InvalidOperationException("Deferred rows are not written yet; flush them before the session forgets them.");
        }

        if (content.FirstOrDefault(e => e.State != EntityState.Unchanged) is { } unsaved)
        {
            throw new InvalidOperationException($"A {unsaved.Metadata.ClrType.Name} is not saved yet; save it before the session forgets it.");
        }

        _rows.ForgetWritten();

        // Dependents first: a version detached before its index rows would leave them orphaned (and so deleted).
        foreach (var entry in content.OrderBy(e => e.Entity is ContentItemRecord))
        {
            entry.State = EntityState.Detached;
        }
    }

    public void OnCommitted(Func<Task> action) => _onCommitted.Add(action);

    public void Dispose() => _rows.Dispose();

    public void OnRolledBack(Action action) => _onRolledBack.Add(action);

    private async Task CompleteAsync(bool outermost, bool success, CancellationToken cancellationToken)
    {
        if (!success)
        {
            _doomed = true;
        }

        if (!outermost || _transaction is not { } transaction)
        {
            return;
        }

        _transaction = null;
        Exception? writeFailure = null;
        await using (transaction)
        {
            if (success && !_doomed)
            {
                try
                {
                    // What deferred saves held back is written before the commit, never lost.
                    await FlushAsync(cancellationToken);
                }
                catch (Exception ex)
                {
                    writeFailure = ex;
                }

                if (writeFailure is null)
                {
                    RestorePageCache();
                    await transaction.CommitAsync(cancellationToken);
                    _onRolledBack.Clear();
                    await RunCommittedAsync();
                    return;
                }
            }

            try
            {
                RestorePageCache();
            }
            catch (DbException)
            {
                // Best effort on a failed transaction: the rollback is what matters.
            }

            await transaction.RollbackAsync(CancellationToken.None);
        }

        db.ChangeTracker.Clear();
        _rows.Clear();
        _deferred = false;
        Generation++;
        _onCommitted.Clear();
        var rolledBack = _onRolledBack.ToList();
        _onRolledBack.Clear();
        foreach (var action in rolledBack)
        {
            action();
        }

        if (writeFailure is not null)
        {
            ExceptionDispatchInfo.Throw(writeFailure);
        }

        if (success)
        {
            throw new InvalidOperationException("A nested operation failed, so the transaction was rolled back.");
        }
    }

    /// <summary>SQLite's page cache size on the transaction's connection (<c>PRAGMA cache_size</c>: pages, or KiB when negative).</summary>
    private long ReadPageCache()
    {
        using var command = PageCacheCommand("PRAGMA cache_size");
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private void SetPageCache(long size)
    {
        using var command = PageCacheCommand($"PRAGMA cache_size = {size}");
        command.ExecuteNonQuery();
    }

    private DbCommand PageCacheCommand(string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        return command;
    }

    /// <summary>
    /// Gives the connection its page cache back before the transaction ends (the connection may go back to the pool
    /// then). Changed pages are not dropped by a smaller cache: the commit still writes them.
    /// </summary>
    private void RestorePageCache()
    {
        if (_pageCacheBefore is { } before)
        {
            _pageCacheBefore = null;
            SetPageCache(before);
        }
    }

    private async Task RunCommittedAsync()
    {
        var actions = _onCommitted.ToList();
        _onCommitted.Clear();
        foreach (var action in actions)
        {
            await action();
        }
    }

    private sealed class Deferral(EfUnitOfWork owner) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                owner._deferring--;
            }
        }
    }

    private sealed class Scope(EfUnitOfWork owner, bool outermost) : IUnitOfWorkTransaction
    {
        private bool _done;

        public async Task CommitAsync(CancellationToken cancellationToken = default)
        {
            if (_done)
            {
                return;
            }

            _done = true;
            await owner.CompleteAsync(outermost, success: true, cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            if (!_done)
            {
                _done = true;
                await owner.CompleteAsync(outermost, success: false, CancellationToken.None);
            }
        }
    }
}
