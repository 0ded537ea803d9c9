using Cms.Testing;

namespace Cms.Data.Tests;

/// <summary>
/// The store tests on a fresh PostgreSQL database. Skipped locally when <c>CMS_TEST_POSTGRES</c> is not set;
/// in CI they fail instead.
/// </summary>
public sealed class PostgresContentStoreTests : ContentStoreTests
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cms-data-tests", Guid.NewGuid().ToString("N"));
    private PostgresTestDatabase? _database;

    protected override async Task<CmsDataOptions> CreateDatabaseAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        return new CmsDataOptions { DataDirectory = _directory, Provider = DatabaseProvider.Postgres, ConnectionString = _database.ConnectionString };
    }

    protected override async Task DropDatabaseAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
