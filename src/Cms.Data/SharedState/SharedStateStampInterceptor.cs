using System.Data.Common;
using System.Runtime.CompilerServices;
using Cms.Core.Storage;
using Cms.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using OpenIddict.EntityFrameworkCore.Models;

namespace Cms.Data.SharedState;

/// <summary>
/// Notices saves that change state every process caches (roles and their permissions, API clients, documents such as
/// the content definitions, published versions). It raises <see cref="SharedStateSignal"/> in this process right
/// after the save and again at commit (so nothing read in between stays cached), and bumps the stamp row in the
/// database in the same transaction (once per transaction), which <see cref="SharedStateMonitor"/> in every other
/// process watches.
/// </summary>
public sealed class SharedStateStampInterceptor(SharedStateSignal signal, TimeProvider clock) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>The <c>Documents</c> row whose revision counts shared-state changes.</summary>
    public const string StampDocument = "shared-state-stamp";

    // The same statement on SQLite and PostgreSQL: the row is created by the first change, then counted up.
    private const string StampSql = """
        INSERT INTO "Documents" ("Name", "Data", "UpdatedUtc", "Revision") VALUES ({0}, '{{}}', {1}, 1)
        ON CONFLICT ("Name") DO UPDATE SET "Revision" = "Documents"."Revision" + 1, "UpdatedUtc" = {1}
        """;

    private static readonly ConditionalWeakTable<DbContext, string> Changing = [];
    private static readonly ConditionalWeakTable<DbContext, string> PendingCommit = [];
    private static readonly ConditionalWeakTable<DbTransaction, object> Stamped = [];

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
        if (Take(eventData.Context) is { } change)
        {
            if (change.Stamp)
            {
                change.Context.Database.ExecuteSqlRaw(StampSql, StampDocument, clock.GetUtcNow().UtcDateTime);
            }

            signal.Raise(change.Reason);
        }

        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await AfterSaveAsync(eventData.Context, cancellationToken);
        return result;
    }

    /// <summary>
    /// For rows written without the change tracker (the deferred rows of a bulk import): the same signal and stamp as a
    /// save that changed <paramref name="reason"/>.
    /// </summary>
    public async Task WrittenAsync(DbContext context, string reason, CancellationToken cancellationToken = default)
    {
        Changing.AddOrUpdate(context, reason);
        await AfterSaveAsync(context, cancellationToken);
    }

    private async Task AfterSaveAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (Take(context) is { } change)
        {
            if (change.Stamp)
            {
                await change.Context.Database.ExecuteSqlRawAsync(StampSql, [StampDocument, clock.GetUtcNow().UtcDateTime], cancellationToken);
            }

            signal.Raise(change.Reason);
        }
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
        DocumentRecord document when document.Name != StampDocument => "document " + document.Name,
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

    private static (DbContext Context, string Reason, bool Stamp)? Take(DbContext? context)
    {
        if (context is null || !Changing.TryGetValue(context, out var reason))
        {
            return null;
        }

        Changing.Remove(context);
        if (context.Database.CurrentTransaction?.GetDbTransaction() is not { } transaction)
        {
            return (context, reason, true);
        }

        PendingCommit.AddOrUpdate(context, reason);
        if (Stamped.TryGetValue(transaction, out _))
        {
            return (context, reason, false);
        }

        Stamped.Add(transaction, new object());
        return (context, reason, true);
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
