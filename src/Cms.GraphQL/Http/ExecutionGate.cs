using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Cms.GraphQL.Http;

/// <summary>
/// Lets a fixed number of GraphQL executions run at once; the others wait their turn, oldest first, up to a queue
/// limit beyond which the request is turned away (503). Executions are CPU-bound on a few cores: run all at once,
/// they interleave and every one of them finishes late; taken in order, most finish sooner and the slowest no
/// later. Answers from the response cache do not pass through the gate.
/// </summary>
internal sealed class ExecutionGate : IDisposable
{
    private readonly ConcurrencyLimiter _limiter;

    public ExecutionGate(IOptions<CmsGraphQLOptions> options)
    {
        var settings = options.Value;
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            // The host sets the limit for its database; on its own, one execution per core.
            PermitLimit = settings.MaxConcurrentExecutions > 0 ? settings.MaxConcurrentExecutions : Environment.ProcessorCount,
            QueueLimit = settings.MaxQueuedExecutions,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>A lease to run one execution; <see cref="RateLimitLease.IsAcquired"/> is false when the queue is full.</summary>
    public ValueTask<RateLimitLease> EnterAsync(CancellationToken cancellationToken) => _limiter.AcquireAsync(1, cancellationToken);

    public void Dispose() => _limiter.Dispose();
}
