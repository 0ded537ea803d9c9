using System.Data.Common;
using Npgsql;

namespace Cms.Data;

/// <summary>
/// What the CMS adds to a PostgreSQL connection string unless the operator set it.
/// <list type="bullet">
/// <item>Automatic prepared statements. The read path sends the same few statements all day (a section's newest
/// articles, an article by path, a batch of pickers); unprepared, PostgreSQL plans each one again on every request, which
/// cost about as much as running it. Prepared on a pooled connection after <see cref="AutoPrepareMinUsages"/> uses, a
/// statement is planned once per connection (and re-planned by the server when statistics or the schema change).</item>
/// <item>No session reset when a connection goes back to the pool. By default Npgsql makes the next user of a pooled
/// connection run six statements first (<c>RESET ALL</c>, <c>UNLISTEN *</c>, advisory unlock, ...), and a request opens a
/// connection two or three times. Nothing the CMS runs on a pooled connection leaves session state behind: settings are
/// transaction-local (<c>set_config(..., true)</c>, see <see cref="Stores.FullTextSql"/>), and the change listener and the
/// start-up lock, which do keep session state, use connections of their own outside the pool (a test holds this).</item>
/// </list>
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

        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }
}
