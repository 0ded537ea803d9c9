using Cms.Workflow.Webhooks;

namespace Cms.Admin.Pages.Admin.Webhooks;

/// <summary>The webhook form's values.</summary>
public sealed class WebhookInputModel
{
    public string Url { get; set; } = "";

    public string? Description { get; set; }

    public List<string> Events { get; set; } = [WebhookEvents.Published];

    public List<string> ContentTypes { get; set; } = [];

    public bool Enabled { get; set; } = true;

    public WebhookEndpointInput ToInput() => new()
    {
        Url = Url ?? "",
        Description = Description,
        Events = Events,
        ContentTypes = ContentTypes,
        Enabled = Enabled,
    };

    public static WebhookInputModel From(WebhookEndpointView endpoint) => new()
    {
        Url = endpoint.Url,
        Description = endpoint.Description,
        Events = [.. endpoint.Events],
        ContentTypes = [.. endpoint.ContentTypes],
        Enabled = endpoint.Enabled,
    };
}
