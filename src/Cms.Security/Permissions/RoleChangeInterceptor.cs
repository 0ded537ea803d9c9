using System.Data.Common;
using System.Runtime.CompilerServices;
using Cms.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cms.Security.Permissions;

/// <summary>
/// Empties the <see cref="RolePermissionCache"/> when a save touches roles or role claims (admin screens, the Roles
/// recipe step, Identity's RoleManager all save through the CMS context), and once more when the surrounding
/// transaction commits, so no request can cache what was read between the save and the commit.
/// </summary>
public sealed class RoleChangeInterceptor(RolePermissionCache cache) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, object> PendingCommit = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Detect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Detect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => AfterCommit(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        AfterCommit(eventData.Context);
        return Task.CompletedTask;
    }

    private void Detect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var touchesRoles = context.ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Entity is CmsRole or IdentityRoleClaim<string>);
        if (touchesRoles)
        {
            cache.Clear();
            PendingCommit.AddOrUpdate(context, new object());
        }
    }

    private void AfterCommit(DbContext? context)
    {
        if (context is not null && PendingCommit.Remove(context))
        {
            cache.Clear();
        }
    }
}
