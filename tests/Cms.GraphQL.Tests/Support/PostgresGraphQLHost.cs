using Cms.Testing;

namespace Cms.GraphQL.Tests.Support;

/// <summary>
/// <see cref="GraphQLHost"/> on a fresh PostgreSQL database. Without <c>CMS_TEST_POSTGRES</c> it starts nothing;
/// its tests call <see cref="TestEnvironment.RequirePostgres"/> first (skipped locally, failing in CI).
/// </summary>
public sealed class PostgresGraphQLHost : GraphQLHost
{
    private PostgresTestDatabase? _database;

    public override async Task InitializeAsync()
    {
        if (TestEnvironment.PostgresServer is null)
        {
            return;
        }

        _database = await PostgresTestDatabase.CreateAsync();
        Factory.WithPostgres(_database.ConnectionString);
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
