using Cms.Core.Content;
using Cms.Core.Metadata;
using Cms.Workflow.Webhooks;
using Microsoft.AspNetCore.Mvc;

namespace Cms.Admin.Pages.Admin.Webhooks;

/// <summary>An endpoint's delivery log, newest first, with "Redeliver".</summary>
public sealed class DeliveriesModel(WebhookService webhooks, IContentDefinitionManager definitions) : WebhookPageModel(definitions)
{
    public const int PageSize = 50;

    public WebhookEndpointView Endpoint { get; private set; } = null!;

    public IReadOnlyList<WebhookDeliveryView> Deliveries { get; private set; } = [];

    public int Total { get; private set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRedeliverAsync(string id, long deliveryId, CancellationToken cancellationToken)
    {
        try
        {
            if (await webhooks.RedeliverAsync(id, deliveryId, cancellationToken) is null)
            {
                return NotFound();
            }

            StatusMessage = $"Delivery {deliveryId} will be sent again in a moment, under the same webhook-id.";
        }
        catch (ContentValidationException ex)
        {
            StatusMessage = ex.Errors.Count > 0 ? ex.Errors[0].Message : ex.Message;
        }

        return LocalRedirect($"{Navigation.AdminUrls.Webhooks}/{Uri.EscapeDataString(id)}/deliveries");
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var endpoint = await webhooks.FindAsync(id, cancellationToken);
        if (endpoint is null)
        {
            return false;
        }

        Endpoint = endpoint;
        PageNumber = Math.Max(1, PageNumber);
        var page = await webhooks.DeliveriesAsync(id, (PageNumber - 1) * PageSize, PageSize, cancellationToken);
        (Deliveries, Total) = page ?? ([], 0);
        return true;
    }
}
