using Cms.Testing;

namespace Cms.GraphQL.Tests.Support;

/// <summary>
/// <see cref="GraphQLHost"/> on a fresh PostgreSQL database. Without <c>CMS_TEST_POSTGRES</c> it starts nothing;
/// its tests call <see cref="TestEnvironment.RequirePostgres"/> first (skipped locally, failing in CI).
/// </summary>
public sealed class PostgresGraphQLHost : GraphQLHost
{
    protected override bool OnPostgres => true;
}
