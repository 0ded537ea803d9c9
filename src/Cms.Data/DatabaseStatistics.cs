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
/// exact count. PostgreSQL's <c>ANALYZE</c> samples by itself; there the refresh is <c>VACUUM (ANALYZE)</c>. Rows just
/// written in bulk (an import of a hundred thousand articles) are not yet marked visible to every transaction: until a
/// vacuum has passed, each first read of a row checks its transaction's status and an index lookup cannot answer from
/// the index alone. Left to autovacuum, that pass starts at some moment after the import and competes with the first
/// readers (measured: the article by path's p99 at 100,000 articles was 35-43 ms with autovacuum running, against 20 ms
/// at 2,000). A vacuum skips pages that are already all visible, so after a small change it costs little.
/// </summary>
public sealed class DatabaseStatistics(IServiceScopeFactory scopes, CmsDataOptions options, ILogger<DatabaseStatistics> logger) : IStoreStatistics
{
    public const int SqliteAnalysisLimit = 1000;

    public Task RefreshAsync(CancellationToken cancellationToken = default) =>
        options.Provider == DatabaseProvider.Sqlite
            ? RunAsync($"PRAGMA analysis_limit={SqliteAnalysisLimit}; ANALYZE;", "ANALYZE", cancellationToken)
            : RunAsync("VACUUM (ANALYZE);", "VACUUM (ANALYZE)", cancellationToken); // Not in a transaction: ExecuteSqlRaw opens none.

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
