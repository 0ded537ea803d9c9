namespace Cms.Workflow.Webhooks;

/// <summary>An endpoint as the admin and the API show it: never its secret.</summary>
public sealed record WebhookEndpointView(
    string Id,
    string Url,
    string? Description,
    IReadOnlyList<string> Events,
    IReadOnlyList<string> ContentTypes,
    bool Enabled,
    DateTime CreatedUtc,
    string? CreatedBy,
    DateTime ModifiedUtc);
