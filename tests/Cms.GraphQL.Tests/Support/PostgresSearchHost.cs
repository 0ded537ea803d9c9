namespace Cms.GraphQL.Tests.Support;

/// <summary><see cref="SearchHost"/> on a fresh PostgreSQL database; without <c>CMS_TEST_POSTGRES</c> it starts nothing.</summary>
public sealed class PostgresSearchHost : SearchHost
{
    protected override bool OnPostgres => true;
}
