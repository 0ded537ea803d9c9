using Cms.Core.Metadata;
using Cms.Workflow.Webhooks;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Cms.Admin.Pages.Admin.Webhooks;

/// <summary>What the webhook form partial needs.</summary>
public sealed record WebhookFormModel(WebhookEndpointInput Input, IReadOnlyList<ContentTypeDefinition> ContentTypes, ModelStateDictionary ModelState)
{
    public string? ErrorFor(string field) =>
        ModelState.TryGetValue("Input." + field, out var entry) && entry.Errors.Count > 0
            ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage))
            : null;
}
