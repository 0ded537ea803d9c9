using Npgsql;

namespace Cms.Data.Tests;

public sealed class PostgresConnectionDefaultsTests
{
    [Fact]
    public void Prepared_statements_are_on_by_default_and_an_operator_setting_wins()
    {
        var defaults = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply("Host=db;Username=cms"));
        var chosen = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply("Host=db;Username=cms;Max Auto Prepare=0;Auto Prepare Min Usages=7"));

        Assert.Equal(PostgresConnectionDefaults.MaxAutoPrepare, defaults.MaxAutoPrepare);
        Assert.Equal(PostgresConnectionDefaults.AutoPrepareMinUsages, defaults.AutoPrepareMinUsages);
        Assert.Equal(0, chosen.MaxAutoPrepare);
        Assert.Equal(7, chosen.AutoPrepareMinUsages);
    }
}
