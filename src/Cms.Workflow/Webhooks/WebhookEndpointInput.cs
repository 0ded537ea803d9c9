namespace Cms.Workflow.Webhooks;

/// <summary>What an administrator sets on an endpoint (the API's body and the admin form's values).</summary>
public sealed class WebhookEndpointInput
{
    public string Url { get; set; } = "";

    public string? Description { get; set; }

    /// <summary>Any of <c>published</c>, <c>unpublished</c>, <c>deleted</c>.</summary>
    public List<string> Events { get; set; } = [];

    /// <summary>Content type names; empty for every type.</summary>
    public List<string> ContentTypes { get; set; } = [];

    public bool Enabled { get; set; } = true;

    /// <summary>An endpoint's current values, to change them.</summary>
    public static WebhookEndpointInput From(WebhookEndpointView endpoint) => new()
    {
        Url = endpoint.Url,
        Description = endpoint.Description,
        Events = [.. endpoint.Events],
        ContentTypes = [.. endpoint.ContentTypes],
        Enabled = endpoint.Enabled,
    };
}
