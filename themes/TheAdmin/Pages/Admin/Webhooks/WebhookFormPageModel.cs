using Cms.Core.Content;
using Cms.Core.Metadata;
using Cms.Workflow.Webhooks;
using Microsoft.AspNetCore.Mvc;

namespace Cms.Admin.Pages.Admin.Webhooks;

/// <summary>
/// The create and edit pages: the form binds the service's own <see cref="WebhookEndpointInput"/> (the API's body
/// too), the service validates it, and its errors are shown beside their fields; a secret is shown once, never cached.
/// </summary>
public abstract class WebhookFormPageModel(IContentDefinitionManager definitions) : WebhookPageModel(definitions)
{
    [BindProperty]
    public WebhookEndpointInput Input { get; set; } = new();

    /// <summary>The secret just made, shown once on this answer.</summary>
    public string? Secret { get; private set; }

    /// <summary>What the form partial shows: the values, the types to offer and the errors.</summary>
    public WebhookFormModel Form => new(Input, ContentTypes, ModelState);

    /// <summary>Runs <paramref name="save"/> with the form's values; false, with the service's errors beside their fields, when it refused them.</summary>
    protected async Task<bool> TrySaveAsync(Func<WebhookEndpointInput, Task> save)
    {
        try
        {
            await save(Input);
            return true;
        }
        catch (ContentValidationException ex)
        {
            AddErrors(ex);
            return false;
        }
    }

    /// <summary>Shows <paramref name="secret"/> on this answer, which must then not be cached.</summary>
    protected void ShowSecret(string secret)
    {
        Response.Headers.CacheControl = "no-store";
        Secret = secret;
    }

    /// <summary>Copies the service's errors (<c>$.url</c>, <c>$.events</c>, ...) to Input.Url, Input.Events, ...</summary>
    private void AddErrors(ContentValidationException exception)
    {
        foreach (var error in exception.Errors)
        {
            var field = error.Path.StartsWith("$.", StringComparison.Ordinal) && error.Path.Length > 2
                ? "Input." + char.ToUpperInvariant(error.Path[2]) + error.Path[3..]
                : string.Empty;
            ModelState.AddModelError(field, error.Message);
        }
    }
}
