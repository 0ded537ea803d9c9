namespace Cms.Workflow.Webhooks;

/// <summary>A new endpoint (or a rotated secret) with its signing secret: the only time the secret is shown.</summary>
public sealed record WebhookEndpointCreated(WebhookEndpointView Endpoint, string Secret);
