using Cms.Web.Setup;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cms.Web.Hosting;

public sealed class SetupHealthCheck(SetupState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.Completed
            ? HealthCheckResult.Healthy("Setup is complete.")
            : HealthCheckResult.Unhealthy("Setup has not completed."));
}
