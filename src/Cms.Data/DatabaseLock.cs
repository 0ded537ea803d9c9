using Npgsql;

namespace Cms.Data;

/// <summary>
/// A PostgreSQL session advisory lock that every node asks for by the same number, so that one process at a time does
/// what must happen once: migrating and setting up an empty database (<see cref="DatabaseInitializer"/>), creating the
/// shared keys. It is held on a connection of its own, not pooled: closing the connection ends the session and so
/// releases the lock, and a process that dies releases it with its connection. On SQLite (one node) there is nothing to
/// lock.
/// </summary>
public static class DatabaseLock
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Waits until this process holds lock <paramref name="key"/>; dispose the result to release it. While another process
    /// holds it, asks again every 200 ms and calls <paramref name="waiting"/> once (to say so in the log).
    /// </summary>
    public static async Task<IAsyncDisposable> AcquireAsync(CmsDataOptions data, long key, Action? waiting = null, CancellationToken cancellationToken = default)
    {
        if (data.Provider != DatabaseProvider.Postgres)
        {
            return new NoLock();
        }

        var builder = new NpgsqlConnectionStringBuilder(data.ResolveConnectionString()) { Pooling = false, ApplicationName = "cms-start-up-lock" };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", key);
            var told = false;
            while (!(bool)(await command.ExecuteScalarAsync(cancellationToken))!)
            {
                if (!told)
                {
                    waiting?.Invoke();
                    told = true;
                }

                await Task.Delay(Poll, cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
