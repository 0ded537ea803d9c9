using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cms.Data;

/// <summary>Brings the schema up to date with the provider's migrations; SQLite also gets WAL mode for concurrent readers.</summary>
public sealed class DatabaseInitializer(IServiceScopeFactory scopes, CmsDataOptions options, ILogger<DatabaseInitializer> logger)
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
    }

    public async Task<bool> CanConnectAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        return await db.Database.CanConnectAsync(cancellationToken);
    }
}
