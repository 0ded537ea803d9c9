using Cms.Core.Content;
using Cms.Core.Metadata;
using Cms.Core.Security;
using Microsoft.AspNetCore.Authorization;

namespace Cms.Admin.Pages.Admin.Webhooks;

/// <summary>
/// Shared by the webhook pages: the permission (checked here and again by <c>WebhookService</c>), the content types to
/// offer, and the service's validation errors shown beside their fields.
/// </summary>
[Authorize(Policy = Permissions.ManageWebhooks)]
public abstract class WebhookPageModel(IContentDefinitionManager definitions) : AdminPageModel
{
    public IReadOnlyList<ContentTypeDefinition> ContentTypes { get; private set; } = [];

    protected async Task LoadTypesAsync(CancellationToken cancellationToken) =>
        ContentTypes = [.. (await definitions.GetAsync(cancellationToken)).Types.Values.OrderBy(t => t.DisplayName, StringComparer.OrdinalIgnoreCase)];

    /// <summary>Copies the service's errors (<c>$.url</c>, <c>$.events</c>, ...) to Input.Url, Input.Events, ...</summary>
    protected void AddErrors(ContentValidationException exception)
    {
        foreach (var error in exception.Errors)
        {
            var field = error.Path.StartsWith("$.", StringComparison.Ordinal) && error.Path.Length > 2
                ? "Input." + char.ToUpperInvariant(error.Path[2]) + error.Path[3..]
                : string.Empty;
            ModelState.AddModelError(field, error.Message);
        }
    }

    /// <summary>A page that shows a secret must not be cached.</summary>
    protected void NoStore() => Response.Headers.CacheControl = "no-store";
}
