using Cms.Security.Keys;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cms.Web.Hosting;

/// <summary>Readiness: the shared keys can be read from the database and decrypted (the certificate matches).</summary>
public sealed class KeysHealthCheck(SharedKeys keys) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return Task.FromResult(keys.CheckReadable() is { } problem ? HealthCheckResult.Unhealthy(problem) : HealthCheckResult.Healthy("The shared keys can be read."));
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The shared keys cannot be read: the database does not answer."));
        }
    }
}
