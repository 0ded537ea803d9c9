using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cms.Data.Stores;

/// <summary>
/// Runs the content store's read-only queries outside transactions (lists, batches of items by id) and reads their rows
/// with a reader written for them, instead of EF Core's enumerator and materializer. EF Core still writes the SQL
/// (<see cref="RelationalQueryableExtensions.CreateDbCommand"/>), so <see cref="ContentQueryTranslator"/> remains the
/// one home of the query rules, and the command goes through EF Core's command diagnostics (its log and interceptors).
/// <para>
/// On SQLite, the queries run on a few connections kept open for reading, each with its statements prepared once per SQL
/// text: preparing (parsing and planning) cost more than running the query for an article by path, and a new
/// command per query prepares again every time (Microsoft.Data.Sqlite keeps statements only for the life of a command).
/// Each statement is reset when its reader is disposed, so an idle connection holds no read snapshot and never delays a
/// checkpoint. PostgreSQL needs none of this (Npgsql prepares repeated statements on its own, see
/// <see cref="PostgresConnectionDefaults"/>): there the command runs on the caller's connection.
/// </para>
/// </summary>
public sealed class PreparedReads : IDisposable
{
    /// <summary>Distinct SQL texts prepared per connection; when a connection has this many, it starts again empty.</summary>
    internal const int StatementsPerConnection = 128;

    private readonly Func<CmsDbContext>? _openReader;
    private readonly int _idleLimit;
    private readonly ConcurrentBag<ReadConnection> _idle = [];
    private int _created;
    private bool _disposed;

    /// <param name="openReader">
    /// On SQLite, makes the context of a read connection (opened once, through EF Core, so it is set up as EF Core sets up
    /// its own connections); null on PostgreSQL.
    /// </param>
    public PreparedReads(Func<CmsDbContext>? openReader)
    {
        _openReader = openReader;
        _idleLimit = Math.Max(4, 2 * Environment.ProcessorCount);
    }

    /// <summary>SQLite read connections opened so far (for tests and diagnostics).</summary>
    internal int ConnectionsCreated => Volatile.Read(ref _created);

    /// <summary>Statements prepared on the idle read connections (for tests: a repeated query prepares nothing new).</summary>
    internal int StatementsPrepared => _idle.Sum(c => c.Statements.Count);

    /// <summary>The rows of <paramref name="query"/> (which must not depend on anything unwritten in <paramref name="db"/>), each read by <paramref name="row"/>.</summary>
    public Task<List<T>> ReadAsync<T>(CmsDbContext db, IQueryable query, Func<DbDataReader, T> row, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ReadAsync(db, query.CreateDbCommand(), row, cancellationToken);
    }

    /// <summary>The rows of <paramref name="source"/> (a command for <paramref name="db"/>'s connection, disposed here), each read by <paramref name="row"/>.</summary>
    public async Task<List<T>> ReadAsync<T>(CmsDbContext db, DbCommand source, Func<DbDataReader, T> row, CancellationToken cancellationToken)
    {
        using var owned = source;
        cancellationToken.ThrowIfCancellationRequested();
        if (_openReader is null)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                return await RunAsync(db, source, row, cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        var lease = _idle.TryTake(out var idle) ? idle : Open();
        try
        {
            var command = lease.Prepared(source);
            var rows = await RunAsync(lease.Context, command, row, cancellationToken);
            Return(lease);
            return rows;
        }
        catch
        {
            // A failed read may leave the connection in any state: it is closed rather than reused.
            lease.Dispose();
            throw;
        }
    }

    private static async Task<List<T>> RunAsync<T>(CmsDbContext db, DbCommand command, Func<DbDataReader, T> row, CancellationToken cancellationToken)
    {
        var connection = db.GetService<IRelationalConnection>();
        var logger = db.GetService<IRelationalCommandDiagnosticsLogger>();
        var commandId = Guid.NewGuid();
        var started = DateTimeOffset.UtcNow;
        var timestamp = Stopwatch.GetTimestamp();
        var intercepted = await logger.CommandReaderExecutingAsync(connection, command, command.CommandText, db, commandId, connection.ConnectionId, started, CommandSource.LinqQuery, cancellationToken);
        var reader = intercepted.HasResult ? intercepted.Result : await command.ExecuteReaderAsync(cancellationToken);
        reader = await logger.CommandReaderExecutedAsync(connection, command, command.CommandText, db, commandId, connection.ConnectionId, reader, started, Stopwatch.GetElapsedTime(timestamp), CommandSource.LinqQuery, cancellationToken);
        await using (reader)
        {
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(row(reader));
            }

            return rows;
        }
    }

    private ReadConnection Open()
    {
        var context = _openReader!();
        try
        {
            context.Database.OpenConnection();
        }
        catch
        {
            context.Dispose();
            throw;
        }

        Interlocked.Increment(ref _created);
        return new ReadConnection(context);
    }

    private void Return(ReadConnection lease)
    {
        if (_disposed || _idle.Count >= _idleLimit)
        {
            lease.Dispose();
            return;
        }

        _idle.Add(lease);
        if (_disposed && _idle.TryTake(out var late))
        {
            late.Dispose();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var lease))
        {
            lease.Dispose();
        }
    }

    /// <summary>A SQLite connection kept open for reading, with its prepared statements by SQL text.</summary>
    private sealed class ReadConnection(CmsDbContext context) : IDisposable
    {
        public CmsDbContext Context { get; } = context;

        public Dictionary<string, SqliteCommand> Statements { get; } = new(StringComparer.Ordinal);

        /// <summary>This connection's command for the SQL of <paramref name="source"/>, with its parameter values.</summary>
        public SqliteCommand Prepared(DbCommand source)
        {
            if (!Statements.TryGetValue(source.CommandText, out var command))
            {
                if (Statements.Count >= StatementsPerConnection)
                {
                    DisposeStatements();
                }

                command = (SqliteCommand)Context.Database.GetDbConnection().CreateCommand();
                command.CommandText = source.CommandText;
                Statements.Add(source.CommandText, command);
            }

            // Bound by name at every run (EF Core's own parameters, moved over); the prepared statements stay as long as
            // the text and the connection do.
            var parameters = new SqliteParameter[source.Parameters.Count];
            source.Parameters.CopyTo(parameters, 0);
            source.Parameters.Clear();
            command.Parameters.Clear();
            command.Parameters.AddRange(parameters);
            return command;
        }

        private void DisposeStatements()
        {
            foreach (var command in Statements.Values)
            {
                command.Dispose();
            }

            Statements.Clear();
        }

        public void Dispose()
        {
            DisposeStatements();
            Context.Dispose();
        }
    }
}
