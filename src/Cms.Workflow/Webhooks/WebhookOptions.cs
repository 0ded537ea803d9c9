namespace Cms.Workflow.Webhooks;

/// <summary><c>Cms:Webhooks</c>: how deliveries are sent, retried and where they may go.</summary>
public sealed class WebhookOptions
{
    /// <summary>Whether this host sends deliveries (deliveries are still recorded when off; another host sends them).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the host looks for deliveries that are due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a host holds a claimed delivery; a host that died lets it go after this. Longer than <see cref="Timeout"/>.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one attempt may take, connecting included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The delay before the first retry; each further retry waits twice as long (with jitter), up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(2);

    /// <summary>After this long without success a delivery is marked failed.</summary>
    public TimeSpan RetryWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Allow targets on private, loopback and link-local addresses (a test receiver, an internal service).</summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>Host names that may resolve to private addresses (e.g. <c>hooks.internal</c>); the rest stay public only.</summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>How many deliveries a host claims at a time.</summary>
    public int BatchSize { get; set; } = 20;
}
