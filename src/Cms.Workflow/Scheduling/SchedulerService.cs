using Cms.Workflow.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cms.Workflow.Scheduling;

/// <summary>
/// Runs the scheduler every <see cref="SchedulerOptions.PollInterval"/> on the host's <see cref="TimeProvider"/>
/// (tests move it), and once a day removes audit entries past their retention.
/// </summary>
public sealed class SchedulerService(IServiceScopeFactory scopes, TimeProvider clock, IOptions<SchedulerOptions> options, ILogger<SchedulerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var lastPurge = DateTimeOffset.MinValue;
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<PublishingScheduler>().RunDueAsync(stoppingToken);
                if (clock.GetUtcNow() - lastPurge > TimeSpan.FromDays(1))
                {
                    lastPurge = clock.GetUtcNow();
                    var removed = await scope.ServiceProvider.GetRequiredService<AuditTrail>().PurgeAsync(stoppingToken);
                    if (removed > 0)
                    {
                        logger.LogInformation("Removed {Count} audit entries past their retention", removed);
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The scheduler's run failed; it tries again in {Interval}", options.Value.PollInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
