using Npgsql;

namespace Cms.Data.Tests;

public sealed class PostgresConnectionDefaultsTests
{
    [Fact]
    public void Prepared_statements_and_no_reset_on_close_are_the_defaults_and_an_operator_setting_wins()
    {
        var defaults = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply("Host=db;Username=cms"));
        var chosen = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply("Host=db;Username=cms;Max Auto Prepare=0;Auto Prepare Min Usages=7;No Reset On Close=false"));

        Assert.Equal(PostgresConnectionDefaults.MaxAutoPrepare, defaults.MaxAutoPrepare);
        Assert.Equal(PostgresConnectionDefaults.AutoPrepareMinUsages, defaults.AutoPrepareMinUsages);
        Assert.True(defaults.NoResetOnClose);
        Assert.Equal(0, chosen.MaxAutoPrepare);
        Assert.False(chosen.NoResetOnClose);
        Assert.Equal(7, chosen.AutoPrepareMinUsages);
    }
}
