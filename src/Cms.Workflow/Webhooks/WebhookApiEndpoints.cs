using Cms.Core.Security;
using Cms.Security;
using Cms.Workflow.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Cms.Workflow.Webhooks;

/// <summary>
/// <c>/api/webhooks</c>: the endpoints, their delivery logs and redelivery, for scripts and operators. The same
/// <see cref="WebhookService"/> as the admin pages; <c>ManageWebhooks</c> is required here and again in the service.
/// </summary>
public static class WebhookApiEndpoints
{
    public static IEndpointRouteBuilder MapWebhookApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/webhooks")
            .RequireApiPermissions(Permissions.ManageWebhooks)
            .WithTags("Webhooks");

        api.MapGet("/", ListAsync).WithName("ListWebhooks").WithSummary("Every endpoint (without secrets).");
        api.MapPost("/", CreateAsync).WithName("CreateWebhook").WithSummary("Registers an endpoint; the answer holds its signing secret, shown this once.");
        api.MapGet("/{id}", GetAsync).WithName("GetWebhook").WithSummary("One endpoint.");
        api.MapPut("/{id}", UpdateAsync).WithName("UpdateWebhook").WithSummary("Changes an endpoint's URL, events, content types or enabled state.");
        api.MapDelete("/{id}", DeleteAsync).WithName("DeleteWebhook").WithSummary("Removes an endpoint and its delivery log.");
        api.MapPost("/{id}/secret", RotateAsync).WithName("RotateWebhookSecret").WithSummary("Replaces the signing secret; the new one is shown this once.");
        api.MapGet("/{id}/deliveries", DeliveriesAsync).WithName("ListWebhookDeliveries").WithSummary("The delivery log, newest first.");
        api.MapPost("/{id}/deliveries/{deliveryId:long}/redeliver", RedeliverAsync).WithName("RedeliverWebhook").WithSummary("Sends a delivery again now, under the same webhook-id.");
        return endpoints;
    }

    private static async Task<Ok<IReadOnlyList<WebhookEndpointView>>> ListAsync(WebhookService webhooks, CancellationToken cancellationToken) =>
        TypedResults.Ok(await webhooks.ListAsync(cancellationToken));

    private static async Task<Created<WebhookEndpointCreated>> CreateAsync(WebhookEndpointInput input, WebhookService webhooks, CancellationToken cancellationToken)
    {
        var created = await webhooks.CreateAsync(input, cancellationToken);
        return TypedResults.Created($"/api/webhooks/{created.Endpoint.Id}", created);
    }

    private static async Task<Results<Ok<WebhookEndpointView>, ProblemHttpResult>> GetAsync(string id, WebhookService webhooks, CancellationToken cancellationToken) =>
        await webhooks.FindAsync(id, cancellationToken) is { } endpoint ? TypedResults.Ok(endpoint) : NotFound(id);

    private static async Task<Results<Ok<WebhookEndpointView>, ProblemHttpResult>> UpdateAsync(string id, WebhookEndpointInput input, WebhookService webhooks, CancellationToken cancellationToken) =>
        await webhooks.UpdateAsync(id, input, cancellationToken) is { } endpoint ? TypedResults.Ok(endpoint) : NotFound(id);

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, WebhookService webhooks, CancellationToken cancellationToken) =>
        await webhooks.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : NotFound(id);

    private static async Task<Results<Ok<WebhookEndpointCreated>, ProblemHttpResult>> RotateAsync(string id, WebhookService webhooks, CancellationToken cancellationToken) =>
        await webhooks.RotateSecretAsync(id, cancellationToken) is { } rotated ? TypedResults.Ok(rotated) : NotFound(id);

    private static async Task<Results<Ok<ContentPage<WebhookDeliveryView>>, ProblemHttpResult>> DeliveriesAsync(string id, int? skip, int? take, WebhookService webhooks, CancellationToken cancellationToken) =>
        await webhooks.DeliveriesAsync(id, skip ?? 0, take ?? 50, cancellationToken) is { } page
            ? TypedResults.Ok(new ContentPage<WebhookDeliveryView>(page.Total, page.Items))
            : NotFound(id);

    private static async Task<Results<Ok<WebhookDeliveryView>, ProblemHttpResult>> RedeliverAsync(string id, long deliveryId, WebhookService webhooks, CancellationToken cancellationToken) =>
        await webhooks.RedeliverAsync(id, deliveryId, cancellationToken) is { } delivery
            ? TypedResults.Ok(delivery)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"Webhook endpoint '{id}' has no delivery {deliveryId}.");

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"Webhook endpoint '{id}' was not found.");
}
