using Cms.Admin.Navigation;
using Cms.Core.Metadata;
using Cms.Workflow.Webhooks;
using Microsoft.AspNetCore.Mvc;

namespace Cms.Admin.Pages.Admin.Webhooks;

/// <summary>Changes an endpoint; rotates its secret (shown once).</summary>
public sealed class EditModel(WebhookService webhooks, IContentDefinitionManager definitions) : WebhookFormPageModel(definitions)
{
    public WebhookEndpointView Endpoint { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = WebhookEndpointInput.From(Endpoint);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!await TrySaveAsync(input => webhooks.UpdateAsync(id, input, cancellationToken)))
        {
            return Page();
        }

        StatusMessage = "The endpoint was saved.";
        return LocalRedirect(AdminUrls.Webhooks);
    }

    public async Task<IActionResult> OnPostRotateAsync(string id, CancellationToken cancellationToken)
    {
        var rotated = await webhooks.RotateSecretAsync(id, cancellationToken);
        if (rotated is null || !await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        Input = WebhookEndpointInput.From(Endpoint);
        ShowSecret(rotated.Secret);
        return Page();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        await LoadTypesAsync(cancellationToken);
        var endpoint = await webhooks.FindAsync(id, cancellationToken);
        if (endpoint is null)
        {
            return false;
        }

        Endpoint = endpoint;
        return true;
    }
}
