using Cms.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cms.Data;

/// <summary>
/// Brings the schema up to date with the provider's migrations; SQLite also gets WAL mode for concurrent readers.
/// Then the planner statistics are refreshed: on SQLite at every start (cheap, see <see cref="DatabaseStatistics"/>;
/// without them a by-path lookup walks every article instead of using the path index), on PostgreSQL after migrations
/// (its autovacuum keeps them current from then on).
/// </summary>
public sealed class DatabaseInitializer(IServiceScopeFactory scopes, CmsDataOptions options, IStoreStatistics statistics, ILogger<DatabaseInitializer> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Migrating the database: applying {Count} migrations on {Provider}: {Migrations}", pending.Count, options.Provider, pending);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await db.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("Database migrated in {Elapsed} ms", watch.ElapsedMilliseconds);
        }
        else
        {
            logger.LogInformation("Database on {Provider} is up to date", options.Provider);
        }

        if (pending.Count > 0 || options.Provider == DatabaseProvider.Sqlite)
        {
            await statistics.RefreshAsync(cancellationToken);
        }
    }

    public async Task<bool> CanConnectAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        return await db.Database.CanConnectAsync(cancellationToken);
    }
}
