using System.Data.Common;
using Cms.Core.Metadata;
using Cms.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cms.Data.SharedState;

/// <summary>
/// Watches the stamp row that <see cref="SharedStateStampInterceptor"/> bumps, every
/// <see cref="CmsDataOptions.SharedStateCheckInterval"/>. When another process (a <c>recipe run</c>, another node)
/// changed roles, clients, definitions or published content, this process drops its content definitions and raises
/// <see cref="SharedStateSignal"/>, so its permission and response caches are emptied too.
/// </summary>
public sealed class SharedStateMonitor(
    IServiceScopeFactory scopes,
    SharedStateSignal signal,
    ContentDefinitionCache definitions,
    CmsDataOptions options,
    TimeProvider clock,
    ILogger<SharedStateMonitor> logger) : BackgroundService
{
    private int? _seen;

    /// <summary>Reads the stamp once; raises the signal when it moved since the last check.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var revision = await db.Documents.AsNoTracking()
            .Where(d => d.Name == SharedStateStampInterceptor.StampDocument)
            .Select(d => (int?)d.Revision)
            .FirstOrDefaultAsync(cancellationToken) ?? 0;
        if (_seen is { } seen && seen != revision)
        {
            logger.LogInformation("Shared state changed in the database (stamp {Previous} to {Revision}); caches emptied", seen, revision);
            definitions.Invalidate();
            signal.Raise("changed in the database");
        }

        _seen = revision;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.SharedStateCheckInterval, clock);
        do
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is DbException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
            {
                // The database may not be migrated yet at start-up, or briefly unreachable: try again at the next tick.
                logger.LogWarning("Shared state check failed: {Error}", ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
