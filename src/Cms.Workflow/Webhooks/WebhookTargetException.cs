namespace Cms.Workflow.Webhooks;

/// <summary>A webhook target that configuration does not allow (a private address, an unresolvable host).</summary>
public sealed class WebhookTargetException(string message) : Exception(message);
