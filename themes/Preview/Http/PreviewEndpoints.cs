using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Core.Content;
using Cms.Core.Security;
using Cms.Core.Storage;
using Cms.Preview.Links;
using Cms.Preview.Rendering;
using Cms.Security;
using Cms.Workflow.Engine;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Cms.Preview.Http;

/// <summary>
/// The preview's addresses: the editor's unsaved draft (<c>POST /admin/preview</c>), an item's latest version
/// (<c>GET /admin/content/{id}/preview</c>), share links (<c>/api/content/{id}/preview-links</c>) and the page a share
/// link opens (<c>GET /preview/{token}</c>). Every page is rendered by <see cref="PreviewPages"/> and sent with
/// <see cref="PreviewHeaders"/>; nothing here writes content.
/// </summary>
public static class PreviewEndpoints
{
    public const string FormField = "item";

    public static IEndpointRouteBuilder MapPreviewEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/admin/preview", PreviewPostedAsync)
            .RequireAuthorization(Permissions.AccessAdminPanel)
            .DisableAntiforgery()
            .WithDisplayName("Preview of an unsaved item");
        endpoints.MapGet("/admin/content/{id}/preview", PreviewLatestAsync)
            .RequireAuthorization(Permissions.AccessAdminPanel)
            .WithDisplayName("Preview of an item's latest version");
        endpoints.MapGet(PreviewLinkService.PathPrefix + "{token}", OpenShareLinkAsync)
            .AllowAnonymous()
            .RequireRateLimiting(ShareRateLimitPolicy.Name)
            .WithDisplayName("Share-preview page");

        var links = endpoints.MapGroup("/api/content/{id}/preview-links")
            .RequireApiAuthentication()
            .AddEndpointFilter<CookieWriteAntiforgery>()
            .WithTags("Preview");
        links.MapPost("/", CreateLinkAsync).WithName("CreatePreviewLink")
            .WithSummary("Makes a share-preview link of the item's latest version (preview permission); the URL is returned only here.");
        links.MapGet("/", ListLinksAsync).WithName("ListPreviewLinks").WithSummary("The item's share-preview links, without their tokens.");
        links.MapDelete("/{linkId}", RevokeLinkAsync).WithName("RevokePreviewLink").WithSummary("Revokes a share-preview link at once.");
        return endpoints;
    }

    private static async Task<IResult> PreviewPostedAsync(HttpContext http, IAntiforgery antiforgery, IContentManager content, PreviewPages pages, CancellationToken cancellationToken)
    {
        if (!http.Request.HasFormContentType)
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "The preview takes a form.", $"Post a form with the field '{FormField}' holding the item's JSON.");
        }

        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Problem(StatusCodes.Status400BadRequest, "The preview form is not valid.", "The antiforgery token is missing or invalid; reload the editor and press Preview again.");
        }

        var form = await http.Request.ReadFormAsync(cancellationToken);
        var text = form[FormField].ToString();
        if (string.IsNullOrWhiteSpace(text))
        {
            return Problem(StatusCodes.Status400BadRequest, "Nothing to preview.", $"The form field '{FormField}' is missing or empty; it must hold the item's JSON.");
        }

        JsonObject json;
        try
        {
            json = JsonNode.Parse(text) as JsonObject
                ?? throw new ContentValidationException("$", "the item must be a JSON object.");
        }
        catch (JsonException ex)
        {
            return Problem(StatusCodes.Status400BadRequest, "The item is not valid JSON.", $"The form field '{FormField}' is not valid JSON: {ex.Message}");
        }

        var item = await content.PreparePreviewAsync(ContentItemJson.FromJson(json), cancellationToken);
        return await PageAsync(http, pages, item, "Unsaved changes: nothing here is saved or published.", cancellationToken);
    }

    private static async Task<IResult> PreviewLatestAsync(string id, HttpContext http, WorkflowService workflow, IContentStore store, PreviewPages pages, CancellationToken cancellationToken)
    {
        if (!await workflow.MayPreviewAsync(id, cancellationToken) || await store.GetAsync(id, VersionOptions.Latest, cancellationToken) is not { } latest)
        {
            throw new ContentNotFoundException(id);
        }

        return await PageAsync(http, pages, latest, Notice(latest), cancellationToken);
    }

    private static async Task<IResult> OpenShareLinkAsync(string token, HttpContext http, PreviewLinkService links, PreviewPages pages, CancellationToken cancellationToken)
    {
        if (await links.OpenAsync(token, cancellationToken) is not { } item)
        {
            PreviewHeaders.Apply(http.Response);
            return Results.Content(
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"robots\" content=\"noindex\"><title>Preview not available</title>"
                + $"<link rel=\"stylesheet\" href=\"{PreviewPages.Stylesheet}\"></head><body><main class=\"gone\"><h1>This preview link does not work</h1>"
                + "<p>It may have expired or been revoked, or the article was deleted. Ask the newsroom for a new link.</p></main></body></html>",
                "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }

        return await PageAsync(http, pages, item, Notice(item), cancellationToken);
    }

    private static async Task<Created<CreatedLinkResponse>> CreateLinkAsync(string id, HttpRequest request, PreviewLinkService links, CancellationToken cancellationToken)
    {
        var created = await links.CreateAsync(id, cancellationToken);
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}{created.Path}";
        return TypedResults.Created($"/api/content/{Uri.EscapeDataString(id)}/preview-links/{created.Link.Id}", new CreatedLinkResponse(created.Link, url));
    }

    private static async Task<Ok<IReadOnlyList<PreviewLinkView>>> ListLinksAsync(string id, PreviewLinkService links, CancellationToken cancellationToken) =>
        TypedResults.Ok(await links.ListAsync(id, cancellationToken));

    private static async Task<Ok<PreviewLinkView>> RevokeLinkAsync(string id, string linkId, PreviewLinkService links, CancellationToken cancellationToken) =>
        TypedResults.Ok(await links.RevokeAsync(id, linkId, cancellationToken));

    private static async Task<IResult> PageAsync(HttpContext http, PreviewPages pages, ContentItem item, string notice, CancellationToken cancellationToken)
    {
        var html = await pages.RenderAsync(item, notice, cancellationToken);
        PreviewHeaders.Apply(http.Response);
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static string Notice(ContentItem item) => item.Published
        ? "The latest version, which is the published one."
        : $"The latest version ({item.Stage}): not published yet.";

    private static IResult Problem(int status, string title, string detail) => Results.Problem(statusCode: status, title: title, detail: detail);
}
