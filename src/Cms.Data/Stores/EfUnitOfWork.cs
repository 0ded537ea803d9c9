using Cms.Core.Storage;
using Cms.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cms.Data.Stores;

/// <summary>The request's transaction over <see cref="CmsDbContext"/>; nested scopes join the outer one.</summary>
public sealed class EfUnitOfWork(CmsDbContext db) : IUnitOfWork
{
    private readonly List<Func<Task>> _onCommitted = [];
    private readonly List<Action> _onRolledBack = [];
    private IDbContextTransaction? _transaction;
    private bool _doomed;

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
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new Core.Content.ContentConflictException("The item was changed by someone else while this change was being saved. Reload and apply your changes again.", ex);
        }

        if (_transaction is null)
        {
            await RunCommittedAsync();
        }
    }

    public void ForgetSavedContent()
    {
        var content = db.ChangeTracker.Entries()
            .Where(e => e.Entity is ContentItemRecord or FieldIndexRecord or ContentCommentRecord or AuditEventRecord or ContentSearchRecord)
            .ToList();
        if (content.FirstOrDefault(e => e.State != EntityState.Unchanged) is { } unsaved)
        {
            throw new InvalidOperationException($"A {unsaved.Metadata.ClrType.Name} is not saved yet; save it before the session forgets it.");
        }

        // Dependents first: a version detached before its index rows would leave them orphaned (and so deleted).
        foreach (var entry in content.OrderBy(e => e.Entity is ContentItemRecord))
        {
            entry.State = EntityState.Detached;
        }
    }

    public void OnCommitted(Func<Task> action) => _onCommitted.Add(action);

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
        await using (transaction)
        {
            if (success && !_doomed)
            {
                await transaction.CommitAsync(cancellationToken);
                _onRolledBack.Clear();
                await RunCommittedAsync();
                return;
            }

            await transaction.RollbackAsync(CancellationToken.None);
        }

        db.ChangeTracker.Clear();
        _onCommitted.Clear();
        var rolledBack = _onRolledBack.ToList();
        _onRolledBack.Clear();
        foreach (var action in rolledBack)
        {
            action();
        }

        if (success)
        {
            throw new InvalidOperationException("A nested operation failed, so the transaction was rolled back.");
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
