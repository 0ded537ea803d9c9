using Cms.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cms.Data;

/// <summary>
/// Brings the schema up to date with the provider's migrations; SQLite also gets WAL mode for concurrent readers.
/// Then the planner statistics are refreshed: on SQLite at every start (cheap, see <see cref="DatabaseStatistics"/>;
/// without them a by-path lookup walks every article instead of using the path index), on PostgreSQL after migrations
/// (its autovacuum keeps them current from then on). Nodes that start together on one PostgreSQL database take turns
/// under <see cref="LockStartupAsync"/>, so an empty database is migrated and set up once.
/// </summary>
public sealed class DatabaseInitializer(IServiceScopeFactory scopes, CmsDataOptions options, IStoreStatistics statistics, ILogger<DatabaseInitializer> logger)
{
    // An arbitrary number every node uses ("CMSINIT"): pg_try_advisory_lock(StartupLock) lets one process at a time
    // migrate and set up.
    private const long StartupLock = 0x434D53494E4954;

    /// <summary>
    /// The start-up lock: held around migrating and the first start's setup, so that of several nodes starting together
    /// on an empty PostgreSQL database one migrates and sets up while the others wait, then find both done. Nothing on
    /// SQLite (one node).
    /// </summary>
    public Task<IAsyncDisposable> LockStartupAsync(CancellationToken cancellationToken = default) =>
        DatabaseLock.AcquireAsync(options, StartupLock, () => logger.LogInformation("Another node is migrating or setting up the database; waiting for it to finish"), cancellationToken);

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
