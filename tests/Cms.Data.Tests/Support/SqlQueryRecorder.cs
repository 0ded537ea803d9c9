using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cms.Data.Tests.Support;

/// <summary>Records the text of the queries EF Core sends (readers only), so a test can compare the SQL of two calls.</summary>
public sealed class SqlQueryRecorder : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> _queries = new();

    public IReadOnlyList<string> Queries => [.. _queries];

    public void Reset() => _queries.Clear();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        _queries.Enqueue(command.CommandText);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        _queries.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }
}
