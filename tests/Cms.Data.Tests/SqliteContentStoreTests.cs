using Microsoft.Data.Sqlite;

namespace Cms.Data.Tests;

/// <summary>The store tests on a SQLite file in a temporary folder.</summary>
public sealed class SqliteContentStoreTests : ContentStoreTests
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cms-data-tests", Guid.NewGuid().ToString("N"));

    protected override Task<CmsDataOptions> CreateDatabaseAsync() =>
        Task.FromResult(new CmsDataOptions { DataDirectory = _directory, Provider = DatabaseProvider.Sqlite });

    protected override Task DropDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }

        return Task.CompletedTask;
    }
}
