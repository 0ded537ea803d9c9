using System.Diagnostics;
using Cms.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cms.Data;

/// <summary>
/// Planner statistics on a connection of its own (never inside a caller's transaction). On SQLite, <c>ANALYZE</c>
/// reads at most <see cref="SqliteAnalysisLimit"/> rows of each index (<c>PRAGMA analysis_limit</c>), so it takes
/// milliseconds at any size; what the planner needs is the shape (how many rows share a path, a type, a flag), not an
/// exact count. PostgreSQL's <c>ANALYZE</c> samples by itself.
/// </summary>
public sealed class DatabaseStatistics(IServiceScopeFactory scopes, CmsDataOptions options, ILogger<DatabaseStatistics> logger) : IStoreStatistics
{
    public const int SqliteAnalysisLimit = 1000;

    public Task RefreshAsync(CancellationToken cancellationToken = default) =>
        RunAsync(options.Provider == DatabaseProvider.Sqlite ? $"PRAGMA analysis_limit={SqliteAnalysisLimit}; ANALYZE;" : "ANALYZE;", "ANALYZE", cancellationToken);

    public Task OptimizeAsync(CancellationToken cancellationToken = default) =>
        options.Provider == DatabaseProvider.Sqlite
            ? RunAsync($"PRAGMA analysis_limit={SqliteAnalysisLimit}; PRAGMA optimize;", "PRAGMA optimize", cancellationToken)
            : Task.CompletedTask; // PostgreSQL's autovacuum keeps its statistics current.

    private async Task RunAsync(string sql, string what, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
        logger.LogInformation("Planner statistics: {Statement} on {Provider} in {Elapsed} ms", what, options.Provider, watch.ElapsedMilliseconds);
    }
}
