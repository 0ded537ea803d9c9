using Cms.Core.Metadata;
using Cms.Core.Security;
using Microsoft.AspNetCore.Authorization;

namespace Cms.Admin.Pages.Admin.Webhooks;

/// <summary>
/// Shared by the webhook pages: the permission (checked here and again by <c>WebhookService</c>) and the content types
/// to offer.
/// </summary>
[Authorize(Policy = Permissions.ManageWebhooks)]
public abstract class WebhookPageModel(IContentDefinitionManager definitions) : AdminPageModel
{
    public IReadOnlyList<ContentTypeDefinition> ContentTypes { get; private set; } = [];

    protected async Task LoadTypesAsync(CancellationToken cancellationToken) =>
        ContentTypes = [.. (await definitions.GetAsync(cancellationToken)).Types.Values.OrderBy(t => t.DisplayName, StringComparer.OrdinalIgnoreCase)];
}
