using Cms.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cms.Data;

/// <summary>
/// Keeps the planner statistics current while the host runs: <see cref="IStoreStatistics.OptimizeAsync"/> every
/// <see cref="Interval"/> and once more when the host stops (SQLite's advice for long-lived connections), so edits
/// made one at a time never leave the planner with the shape of a much smaller site.
/// </summary>
internal sealed class DatabaseOptimizer(IStoreStatistics statistics, TimeProvider time, ILogger<DatabaseOptimizer> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await OptimizeAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await OptimizeAsync(cancellationToken);
    }

    private async Task OptimizeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await statistics.OptimizeAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Upkeep only: a busy or unreachable database must not stop the host; the next tick tries again.
            logger.LogWarning(ex, "Refreshing the planner statistics failed");
        }
    }
}
