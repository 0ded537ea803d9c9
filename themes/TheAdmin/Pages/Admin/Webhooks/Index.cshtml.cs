using Cms.Admin.Navigation;
using Cms.Core.Metadata;
using Cms.Workflow.Webhooks;
using Microsoft.AspNetCore.Mvc;

namespace Cms.Admin.Pages.Admin.Webhooks;

public sealed class IndexModel(WebhookService webhooks, IContentDefinitionManager definitions) : WebhookPageModel(definitions)
{
    public IReadOnlyList<WebhookEndpointView> Endpoints { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Endpoints = await webhooks.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(string id, CancellationToken cancellationToken)
    {
        StatusMessage = await webhooks.DeleteAsync(id, cancellationToken)
            ? "The endpoint and its delivery log were deleted."
            : "That endpoint no longer exists.";
        return LocalRedirect(AdminUrls.Webhooks);
    }
}
