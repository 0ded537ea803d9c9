namespace Cms.Core.Storage;

/// <summary>
/// The statistics the database's query planner chooses indexes by. Without them SQLite cannot tell a nearly unique
/// index (a path) from a coarse one (a content type), and picks the wrong one; so they are refreshed after anything
/// that changes many rows at once (migrations, setup, a recipe run) and tidied up from time to time.
/// </summary>
public interface IStoreStatistics
{
    /// <summary>
    /// Gathers fresh statistics for every table (SQLite <c>ANALYZE</c>; PostgreSQL <c>VACUUM (ANALYZE)</c>, which also marks
    /// rows written in bulk as visible to all, so the first readers after an import do not pay for it).
    /// </summary>
    Task RefreshAsync(CancellationToken cancellationToken = default);

    /// <summary>The cheap periodic upkeep: SQLite's <c>PRAGMA optimize</c> (re-analyzes only tables that changed a lot).</summary>
    Task OptimizeAsync(CancellationToken cancellationToken = default);
}
