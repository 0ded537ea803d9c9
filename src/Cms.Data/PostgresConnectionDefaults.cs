using System.Data.Common;
using Npgsql;

namespace Cms.Data;

/// <summary>
/// What the CMS adds to a PostgreSQL connection string unless the operator set it: automatic prepared statements.
/// The read path sends the same few statements all day (a section's newest articles, an article by path, a batch of
/// pickers); unprepared, PostgreSQL plans each one again on every request, which cost about as much as running it.
/// Prepared on a pooled connection after <see cref="AutoPrepareMinUsages"/> uses, a statement is planned once per
/// connection (and re-planned by the server when statistics or the schema change).
/// </summary>
public static class PostgresConnectionDefaults
{
    public const int MaxAutoPrepare = 64;

    public const int AutoPrepareMinUsages = 2;

    public static string Apply(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }

        if (!given.ContainsKey("Auto Prepare Min Usages") && !given.ContainsKey("AutoPrepareMinUsages"))
        {
            builder.AutoPrepareMinUsages = AutoPrepareMinUsages;
        }

        return builder.ConnectionString;
    }
}
