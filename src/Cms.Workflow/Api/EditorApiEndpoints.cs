using Cms.Core.Content;
using Cms.Security;
using Cms.Workflow.Editor;
using Cms.Workflow.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Cms.Workflow.Api;

/// <summary>
/// What the admin's editor asks while someone writes, beside the content API: the user's private autosave, the path
/// check (the content manager's rule), items a picker may reference, tags in use, and who may review an item.
/// </summary>
public static class EditorApiEndpoints
{
    public static IEndpointRouteBuilder MapEditorApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/content")
            .RequireApiAuthentication()
            .AddEndpointFilter<ContentApiErrors>()
            .WithTags("Editor");

        api.MapGet("/{id}/autosave", (string id, EditorAutosaves autosaves, CancellationToken ct) => GetAutosaveAsync(id, autosaves, ct))
            .WithName("GetAutosave").WithSummary("The caller's own unsaved editor state of the item (204 when there is none).");
        api.MapPut("/{id}/autosave", (string id, AutosaveBody body, EditorAutosaves autosaves, CancellationToken ct) => PutAutosaveAsync(id, body, autosaves, ct))
            .WithName("PutAutosave").WithSummary("Keeps the caller's unsaved editor state of the item; not a version, seen by nobody else.");
        api.MapDelete("/{id}/autosave", (string id, EditorAutosaves autosaves, CancellationToken ct) => DeleteAutosaveAsync(id, autosaves, ct))
            .WithName("DeleteAutosave").WithSummary("Discards the caller's autosave of the item.");
        api.MapGet("/new/{type}/autosave", (string type, EditorAutosaves autosaves, CancellationToken ct) => GetAutosaveAsync(EditorAutosaves.NewItemKey(type), autosaves, ct))
            .WithName("GetNewItemAutosave").WithSummary("The caller's unsaved editor state of a new item of the type.");
        api.MapPut("/new/{type}/autosave", (string type, AutosaveBody body, EditorAutosaves autosaves, CancellationToken ct) => PutAutosaveAsync(EditorAutosaves.NewItemKey(type), body, autosaves, ct))
            .WithName("PutNewItemAutosave").WithSummary("Keeps the caller's unsaved editor state of a new item of the type.");
        api.MapDelete("/new/{type}/autosave", (string type, EditorAutosaves autosaves, CancellationToken ct) => DeleteAutosaveAsync(EditorAutosaves.NewItemKey(type), autosaves, ct))
            .WithName("DeleteNewItemAutosave").WithSummary("Discards the caller's autosave of a new item of the type.");

        api.MapGet("/paths/check", CheckPathAsync).WithName("CheckContentPath")
            .WithSummary("Whether a path is free for the item (normalized), or the path a save would generate from the title.");
        api.MapGet("/picker/search", SearchAsync).WithName("SearchPickerItems")
            .WithSummary("Items of the given types whose title contains the text, for content pickers.");
        api.MapGet("/tags/suggest", SuggestTagsAsync).WithName("SuggestTags")
            .WithSummary("Tags already used on published items by a type's tags field, most used first.");
        api.MapGet("/{id}/reviewers", ReviewersAsync).WithName("ListReviewers")
            .WithSummary("Users the item's review may be assigned to (empty unless the caller may review it).");
        return endpoints;
    }

    private static async Task<IResult> GetAutosaveAsync(string key, EditorAutosaves autosaves, CancellationToken cancellationToken) =>
        await autosaves.GetAsync(key, cancellationToken) is { } autosave ? TypedResults.Ok(autosave) : TypedResults.NoContent();

    private static async Task<Ok<AutosaveView>> PutAutosaveAsync(string key, AutosaveBody body, EditorAutosaves autosaves, CancellationToken cancellationToken) =>
        TypedResults.Ok(await autosaves.SaveAsync(key, body.Data ?? throw new ContentValidationException("$.data", "is required: the item JSON."), body.BaseVersionId, cancellationToken));

    private static async Task<NoContent> DeleteAutosaveAsync(string key, EditorAutosaves autosaves, CancellationToken cancellationToken)
    {
        await autosaves.DeleteAsync(key, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<PathCheck>> CheckPathAsync(string type, string? id, string? path, string? title, IContentManager content, CancellationToken cancellationToken) =>
        TypedResults.Ok(await content.CheckPathAsync(type, id, path, title, cancellationToken));

    private static async Task<Ok<IReadOnlyList<PickerOption>>> SearchAsync([FromQuery(Name = "type")] string[]? types, string? q, int? take, EditorLookups lookups, CancellationToken cancellationToken) =>
        TypedResults.Ok(await lookups.SearchItemsAsync(types ?? [], q, take ?? 10, cancellationToken));

    private static async Task<Ok<IReadOnlyList<TagSuggestion>>> SuggestTagsAsync(string type, string part, string field, string? q, int? take, EditorLookups lookups, CancellationToken cancellationToken) =>
        TypedResults.Ok(await lookups.SuggestTagsAsync(type, part, field, q, take ?? 10, cancellationToken));

    private static async Task<Ok<IReadOnlyList<ReviewerView>>> ReviewersAsync(string id, WorkflowService workflow, CancellationToken cancellationToken) =>
        TypedResults.Ok(await workflow.ReviewersAsync(id, cancellationToken));
}
