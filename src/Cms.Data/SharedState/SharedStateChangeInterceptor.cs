using System.Data.Common;
using System.Runtime.CompilerServices;
using Cms.Core.Storage;
using Cms.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OpenIddict.EntityFrameworkCore.Models;

namespace Cms.Data.SharedState;

/// <summary>
/// The in-process half of cache invalidation: notices saves that change state every process caches (roles and their
/// permissions, API clients, documents such as the content definitions, published versions) and raises
/// <see cref="SharedStateSignal"/> in this process right after the save and again at commit, so nothing read in
/// between stays cached. Other processes learn of the same change from its row in the durable event list (written in
/// the same transaction by the audit trail), through <see cref="SharedStateListener"/>.
/// </summary>
public sealed class SharedStateChangeInterceptor(SharedStateSignal signal) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, string> Changing = [];
    private static readonly ConditionalWeakTable<DbContext, string> PendingCommit = [];

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

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>
    /// For rows written without the change tracker (the deferred rows of a bulk import): the same in-process signal as a
    /// save that changed <paramref name="reason"/>; other processes learn of it from the rows' events.
    /// </summary>
    public Task WrittenAsync(DbContext context, string reason, CancellationToken cancellationToken = default)
    {
        Changing.AddOrUpdate(context, reason);
        Saved(context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => AfterCommit(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        AfterCommit(eventData.Context);
        return Task.CompletedTask;
    }

    private static string? Reason(EntityEntry entry) => entry.Entity switch
    {
        CmsRole or IdentityRoleClaim<string> => "roles or permissions",
        OpenIddictEntityFrameworkCoreApplication => "API clients",
        DocumentRecord document => "document " + document.Name,
        ContentItemRecord when IsOrWasPublished(entry) => "published content",
        _ => null,
    };

    private static bool IsOrWasPublished(EntityEntry entry)
    {
        var published = entry.Property(nameof(ContentItemRecord.Published));
        return (bool)published.CurrentValue! || (entry.State != EntityState.Added && (bool)published.OriginalValue!);
    }

    private static void Detect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var reason = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(Reason)
            .FirstOrDefault(r => r is not null);
        if (reason is not null)
        {
            Changing.AddOrUpdate(context, reason);
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !Changing.TryGetValue(context, out var reason))
        {
            return;
        }

        Changing.Remove(context);
        if (context.Database.CurrentTransaction is not null)
        {
            PendingCommit.AddOrUpdate(context, reason);
        }

        signal.Raise(reason);
    }

    private void AfterCommit(DbContext? context)
    {
        if (context is not null && PendingCommit.TryGetValue(context, out var reason))
        {
            PendingCommit.Remove(context);
            signal.Raise(reason + " (committed)");
        }
    }
}
