using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Cms.Preview.Http;

/// <summary>
/// Share-link pages per client address (<see cref="PreviewOptions.SharePermitsPerMinute"/> a minute), so tokens cannot
/// be guessed at speed and a leaked link cannot be used to load the server; beyond that 429 with <c>Retry-After</c>.
/// </summary>
internal sealed class ShareRateLimitPolicy(IOptions<PreviewOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "preview-share";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (rejected, cancellationToken) =>
    {
        var http = rejected.HttpContext;
        PreviewHeaders.Apply(http.Response);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 60).ToString(CultureInfo.InvariantCulture);
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync("Too many preview requests from this address. Try again in a minute.", cancellationToken);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetFixedWindowLimiter(httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, options.Value.SharePermitsPerMinute),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
}
