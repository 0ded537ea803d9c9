using System.Data.Common;
using Cms.Core.Audit;
using Cms.Core.Metadata;
using Cms.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Cms.Data.SharedState;

/// <summary>
/// How this process learns of changes other processes committed (another node, a <c>recipe run</c>): the durable
/// event list (the audit trail, written in the transaction of each change) is the truth, and this listener applies
/// every entry after the last one it applied. It drops the content definitions for a definitions change, raises
/// <see cref="SharedStateSignal"/> for roles, permissions, clients and documents, and hands every entry to the
/// <see cref="ISharedStateEventHandler"/>s (content events, e.g. the GraphQL response cache).
/// <para>
/// What wakes it: on PostgreSQL, <c>LISTEN cms_events</c> on a dedicated connection (a trigger on the event list sends
/// <c>NOTIFY</c> when a transaction that wrote an entry commits), so a change reaches every node within milliseconds;
/// when that connection drops it reconnects with a growing pause and catches up from the list, so a missed
/// notification loses nothing. On both providers it also reads the list every
/// <see cref="CmsDataOptions.SharedStateCheckInterval"/> (the only wake-up on SQLite, where the other process is a
/// <c>recipe run</c>). A restarted process starts with empty caches, so it starts from the end of the list.
/// </para>
/// <para>
/// On PostgreSQL an entry with a lower id can commit after one with a higher id; ids found missing are read again, for
/// a minute, until they show up (a rolled-back transaction leaves a permanent hole).
/// </para>
/// </summary>
public sealed class SharedStateListener(
    IServiceScopeFactory scopes,
    SharedStateSignal signal,
    ContentDefinitionCache definitions,
    IEnumerable<ISharedStateEventHandler> handlers,
    AuditOrigin origin,
    CmsDataOptions options,
    TimeProvider clock,
    ILogger<SharedStateListener> logger) : BackgroundService
{
    /// <summary>The channel the event list's trigger notifies (see the <c>EventListNotify</c> migration).</summary>
    public const string Channel = "cms_events";

    private const int BatchSize = 500;
    private static readonly TimeSpan GapPatience = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MaxReconnectPause = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly SemaphoreSlim _reading = new(1, 1);
    private readonly Dictionary<long, DateTimeOffset> _gaps = [];
    private readonly ISharedStateEventHandler[] _handlers = [.. handlers];
    private long _cursor = -1;
    private int _listenerProcessId;

    /// <summary>The id of the last entry of the list this process has read (-1 before the first read).</summary>
    public long Cursor => Interlocked.Read(ref _cursor);

    /// <summary>The PostgreSQL backend process id of the <c>LISTEN</c> connection; 0 when not connected (or on SQLite).</summary>
    public int ListenerProcessId => Volatile.Read(ref _listenerProcessId);

    /// <summary>How many times the <c>LISTEN</c> connection was opened (the first time included).</summary>
    public int Connections { get; private set; }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Mark the end of the list before the server takes requests, so nothing committed after this process filled a
        // cache can be missed. If the database cannot be read now, the first pass does it.
        try
        {
            await CatchUpAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            logger.LogWarning("Reading the event list at start-up failed: {Error}", ex.Message);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var tasks = new List<Task> { PollAsync(stoppingToken), ApplyLoopAsync(stoppingToken) };
        if (options.Provider == DatabaseProvider.Postgres)
        {
            tasks.Add(ListenAsync(stoppingToken));
        }

        await Task.WhenAll(tasks);
    }

    /// <summary>Asks for a pass as soon as possible (several requests before it runs make one pass).</summary>
    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // A pass is already due.
        }
    }

    /// <summary>
    /// One pass: applies every entry committed by other processes since the last pass, oldest first. Returns how many
    /// entries were applied. The first pass only finds the end of the list (and empties the caches once).
    /// </summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        await _reading.WaitAsync(cancellationToken);
        try
        {
            return await ReadAndApplyAsync(cancellationToken);
        }
        finally
        {
            _reading.Release();
        }
    }

    private async Task<int> ReadAndApplyAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        if (_cursor < 0)
        {
            var head = await db.AuditEvents.AsNoTracking().MaxAsync(a => (long?)a.Id, cancellationToken) ?? 0;
            Interlocked.Exchange(ref _cursor, head);
            definitions.Invalidate();
            signal.Raise("start of the event list");
            return 0;
        }

        var now = clock.GetUtcNow();
        foreach (var expired in _gaps.Where(g => now - g.Value > GapPatience).Select(g => g.Key).ToList())
        {
            _gaps.Remove(expired);
        }

        var applied = 0;
        while (true)
        {
            var after = _cursor;
            var retry = _gaps.Keys.ToList();
            var rows = await db.AuditEvents.AsNoTracking()
                .Where(a => a.Id > after || retry.Contains(a.Id))
                .OrderBy(a => a.Id)
                .Take(BatchSize)
                .Select(a => new { a.Id, a.Origin, a.Kind, a.TargetType, a.TargetId, a.ContentType, a.ContentItemVersionId, a.ActorId })
                .ToListAsync(cancellationToken);
            var expected = after + 1;
            foreach (var row in rows)
            {
                if (row.Id > after)
                {
                    for (var missing = expected; missing < row.Id; missing++)
                    {
                        _gaps.TryAdd(missing, now);
                    }

                    expected = row.Id + 1;
                }

                _gaps.Remove(row.Id);
                if (row.Origin == origin.Id)
                {
                    // Applied in this process right after its commit.
                    continue;
                }

                await ApplyAsync(new SharedStateEvent(row.Id, row.Kind, row.TargetType, row.TargetId, row.ContentType, row.ContentItemVersionId, row.ActorId), cancellationToken);
                applied++;
            }

            Interlocked.Exchange(ref _cursor, Math.Max(after, expected - 1));
            if (rows.Count < BatchSize)
            {
                return applied;
            }
        }
    }

    private async Task ApplyAsync(SharedStateEvent change, CancellationToken cancellationToken)
    {
        switch (change.TargetType)
        {
            case AuditTargets.Document:
                if (change.TargetId == ContentDefinitionStore.DocumentName)
                {
                    definitions.Invalidate();
                }

                signal.Raise($"{change.Kind} {change.TargetId} (another process)");
                break;
            case AuditTargets.Role:
            case AuditTargets.Client:
                signal.Raise($"{change.Kind} {change.TargetId} (another process)");
                break;
        }

        foreach (var handler in _handlers)
        {
            await handler.HandleAsync(change, cancellationToken);
        }
    }

    private async Task ApplyLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(stoppingToken);
                await CatchUpAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
            {
                // The database is briefly unreachable: the next wake-up (the poll, a reconnect) reads again from the cursor.
                logger.LogWarning("Reading the event list failed: {Error}", ex.Message);
            }
        }
    }

    private async Task PollAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.SharedStateCheckInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Wake();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var pause = TimeSpan.FromMilliseconds(250);
        var builder = new NpgsqlConnectionStringBuilder(options.ResolveConnectionString())
        {
            // Its own physical connection: one ended by the server is not handed back to the pool.
            Pooling = false,
            KeepAlive = 15,
            ApplicationName = "cms-event-listener",
        };
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, _) => Wake();
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                Volatile.Write(ref _listenerProcessId, connection.ProcessID);
                Connections++;
                if (Connections > 1)
                {
                    logger.LogInformation("Listening for changes again; catching up from event {Cursor}", Cursor);
                }

                // Whatever was committed while the connection was down is read now.
                Wake();
                pause = TimeSpan.FromMilliseconds(250);
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbException or InvalidOperationException or IOException or TimeoutException)
            {
                Volatile.Write(ref _listenerProcessId, 0);
                logger.LogWarning("The change listener's database connection failed ({Error}); reconnecting in {Pause}", ex.Message, pause);
                try
                {
                    await Task.Delay(pause, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                pause = pause * 2 > MaxReconnectPause ? MaxReconnectPause : pause * 2;
            }
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        _reading.Dispose();
        base.Dispose();
    }
}
