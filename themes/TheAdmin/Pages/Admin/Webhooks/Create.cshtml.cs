using Cms.Core.Metadata;
using Cms.Workflow.Webhooks;
using Microsoft.AspNetCore.Mvc;

namespace Cms.Admin.Pages.Admin.Webhooks;

/// <summary>Registers an endpoint; its secret is shown once, on the answer to the post (no redirect, not cacheable).</summary>
public sealed class CreateModel(WebhookService webhooks, IContentDefinitionManager definitions) : WebhookFormPageModel(definitions)
{
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadTypesAsync(cancellationToken);

        // A new endpoint starts subscribed to publishing, the event most receivers want.
        Input = new WebhookEndpointInput { Events = [WebhookEvents.Published] };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadTypesAsync(cancellationToken);
        await TrySaveAsync(async input => ShowSecret((await webhooks.CreateAsync(input, cancellationToken)).Secret));
        return Page();
    }
}
