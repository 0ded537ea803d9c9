using Cms.Core.Events;
using Cms.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cms.Workflow.Events;

/// <summary>
/// Hands content events written by other processes (another node, the <c>recipe run</c> command) to this process's
/// <see cref="IContentEventHandler"/>s, in order, a moment after they commit: so caches on every host follow
/// changes made anywhere. Events this process raised itself were already handled right after their commit.
/// </summary>
public sealed class ContentEventRelay(IServiceScopeFactory scopes, AuditOrigin origin, TimeProvider clock, ILogger<ContentEventRelay> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan GapPatience = TimeSpan.FromMinutes(1);

    private readonly Dictionary<long, DateTimeOffset> _gaps = [];
    private long _cursor = -1;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollInterval, clock);
        do
        {
            try
            {
                await PollAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Reading the content event list failed; trying again in {Interval}", PollInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass: dispatches what is new since the last pass; returns how many events were handed on.</summary>
    public async Task<int> PollAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var feed = scope.ServiceProvider.GetRequiredService<ContentEventFeed>();
        if (_cursor < 0)
        {
            _cursor = await feed.GetHeadAsync(cancellationToken);
            return 0;
        }

        var now = clock.GetUtcNow();
        foreach (var expired in _gaps.Where(g => now - g.Value > GapPatience).Select(g => g.Key).ToList())
        {
            _gaps.Remove(expired);
        }

        var entries = await feed.ReadAsync(_cursor, _gaps.Keys, 500, cancellationToken);
        var expected = _cursor + 1;
        var handlers = scope.ServiceProvider.GetServices<IContentEventHandler>().ToList();
        var dispatched = 0;
        foreach (var entry in entries)
        {
            if (entry.Id > _cursor)
            {
                for (var missing = expected; missing < entry.Id; missing++)
                {
                    _gaps.TryAdd(missing, now);
                }

                expected = entry.Id + 1;
            }

            _gaps.Remove(entry.Id);
            if (entry.Event is null || entry.Origin == origin.Id)
            {
                continue;
            }

            foreach (var handler in handlers)
            {
                await handler.HandleAsync(entry.Event, cancellationToken);
            }

            dispatched++;
        }

        _cursor = Math.Max(_cursor, expected - 1);
        return dispatched;
    }
}
