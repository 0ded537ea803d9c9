using Cms.Core.Content;
using Cms.Core.Metadata;
using Cms.Workflow.Webhooks;
using Microsoft.AspNetCore.Mvc;

namespace Cms.Admin.Pages.Admin.Webhooks;

/// <summary>Registers an endpoint; its secret is shown once, on the answer to the post (no redirect, not cacheable).</summary>
public sealed class CreateModel(WebhookService webhooks, IContentDefinitionManager definitions) : WebhookPageModel(definitions)
{
    [BindProperty]
    public WebhookInputModel Input { get; set; } = new();

    public string? Secret { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadTypesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadTypesAsync(cancellationToken);
        try
        {
            var created = await webhooks.CreateAsync(Input.ToInput(), cancellationToken);
            NoStore();
            Secret = created.Secret;
        }
        catch (ContentValidationException ex)
        {
            AddErrors(ex);
        }

        return Page();
    }
}
