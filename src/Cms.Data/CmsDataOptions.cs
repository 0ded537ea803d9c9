namespace Cms.Data;

/// <summary>
/// Where the data lives. <c>Cms:DataDirectory</c> (default <c>App_Data</c>) holds the SQLite file, media,
/// keys and logs; <c>Cms:Database:Provider</c> picks SQLite or PostgreSQL; <c>ConnectionStrings:Cms</c>
/// overrides the connection (required for PostgreSQL).
/// </summary>
public sealed class CmsDataOptions
{
    public string DataDirectory { get; set; } = "App_Data";
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The text of <c>Cms:Database:Provider</c> when it names no known provider (refused at start-up by <see cref="CmsDataOptionsValidator"/>).</summary>
    public string? UnknownProvider { get; set; }
    public string? ConnectionString { get; set; }

    /// <summary>
    /// How often each process reads the event list for changes another one committed (roles, clients, definitions,
    /// settings, published content) without being woken (<c>Cms:Database:SharedStateCheckInterval</c>, default 2
    /// seconds). On PostgreSQL a notification wakes every node at once; this is the backstop.
    /// </summary>
    public TimeSpan SharedStateCheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    public string ResolveConnectionString()
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return ConnectionString;
        }

        if (Provider == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException("Cms:Database:Provider is Postgres, but ConnectionStrings:Cms is not set.");
        }

        return $"Data Source={Path.Combine(Path.GetFullPath(DataDirectory), "cms.db")}";
    }
}
