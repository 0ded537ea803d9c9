using Microsoft.Data.Sqlite;

namespace Cms.Web.Tests.Support;

/// <summary>
/// A folder of its own under the temp directory for one test class (a data directory, certificates), removed at the end
/// with SQLite's pooled connections closed first, since an open pool keeps the database file in use.
/// </summary>
public sealed class ScratchFolder(string purpose) : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), purpose, Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
