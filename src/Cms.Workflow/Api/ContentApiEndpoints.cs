using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Core.Content;
using Cms.Core.Storage;
using Cms.Security;
using Cms.Workflow.Audit;
using Cms.Workflow.Comments;
using Cms.Workflow.Engine;
using Cms.Workflow.History;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Cms.Workflow.Api;

/// <summary>
/// The content management API at <c>/api/content</c> (Orchard Core's shape where it has one), for scripts, import
/// pipelines and the admin. Bearer tokens from the CMS's OpenID server and the admin cookie both work. Every write
/// names the version it started from in <c>If-Match</c> (412 when stale, 428 when missing on an existing item);
/// every read and write goes through the content manager, which checks the caller's permissions on the item.
/// </summary>
public static class ContentApiEndpoints
{
    private static readonly JsonSerializerOptions PascalCase = new(JsonSerializerDefaults.General);

    public static IEndpointRouteBuilder MapContentApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/content")
            .RequireApiAuthentication()
            .AddEndpointFilter<ContentApiErrors>()
            .WithTags("Content");

        api.MapGet("/", ListAsync).WithName("ListContent")
            .WithSummary("Latest versions, filtered by type, stage, section, author, assignee, owner, lateness, schedule and title, sorted.");
        api.MapGet("/{id}", GetAsync).WithName("GetContent")
            .WithSummary("An item (latest or published version) with its workflow state; the ETag names the version.");
        api.MapPost("/", SaveAsync).WithName("SaveContent")
            .WithSummary("Creates a draft, or saves a new version of an existing item (If-Match required).")
            .Accepts<JsonObject>("application/json");
        api.MapDelete("/{id}", DeleteAsync).WithName("DeleteContent").WithSummary("Deletes an item (If-Match required).");
        api.MapPost("/{id}/transitions/{name}", TransitionAsync).WithName("TransitionContent")
            .WithSummary("submit, request-changes, approve, publish (now or at a time), unpublish, withdraw, schedule (If-Match required).");
        api.MapPut("/{id}/assignment", AssignAsync).WithName("AssignContent").WithSummary("Assigns the review to a user, with a due date (If-Match required).");
        api.MapGet("/{id}/versions", VersionsAsync).WithName("ListContentVersions").WithSummary("Every version, newest first, with who, when, stage and comments.");
        api.MapGet("/{id}/diff", DiffAsync).WithName("DiffContentVersions").WithSummary("Field-by-field differences between two versions (default: the latest and the one before).");
        api.MapPost("/{id}/versions/{versionId}/restore", RestoreAsync).WithName("RestoreContentVersion").WithSummary("Saves an old version as a new draft (If-Match required).");
        api.MapGet("/{id}/comments", CommentsAsync).WithName("ListContentComments").WithSummary("The review thread.");
        api.MapPost("/{id}/comments", AddCommentAsync).WithName("AddContentComment").WithSummary("Adds a review comment (sanitized HTML).");
        api.MapPut("/{id}/comments/{commentId}", EditCommentAsync).WithName("EditContentComment").WithSummary("Changes one's own comment, within 10 minutes.");
        api.MapGet("/{id}/audit", ItemAuditAsync).WithName("ContentAudit").WithSummary("The item's audit entries (ViewAuditTrail).");

        endpoints.MapGet("/api/audit", AuditAsync)
            .RequireApiAuthentication()
            .WithTags("Audit")
            .WithName("QueryAudit")
            .WithSummary("Searches the audit trail by actor, target, kind and time (ViewAuditTrail).");
        return endpoints;
    }

    private static async Task<Ok<ContentPage<ContentSummary>>> ListAsync(
        WorkflowService workflow,
        string? type,
        string? stage,
        string? assignedTo,
        bool? mine,
        bool? overdue,
        string? title,
        int? skip,
        int? take,
        string? section,
        string? author,
        bool? scheduled,
        string? sort,
        bool? desc,
        CancellationToken cancellationToken)
    {
        if (!WorkQuery.TryParseSort(sort, out var order))
        {
            throw new ContentValidationException("$.sort", $"'{sort}' is not a sort; use one of: {string.Join(", ", Enum.GetNames<WorkSort>().Select(n => n.ToLowerInvariant()))}.");
        }

        if (assignedTo is { Length: > 0 } && !string.Equals(assignedTo, "me", StringComparison.OrdinalIgnoreCase))
        {
            throw new ContentValidationException("$.assignedTo", "only 'me' is supported.");
        }

        var result = await workflow.QueryAsync(new WorkQuery
        {
            ContentType = type,
            Stage = stage,
            AssignedToMe = assignedTo is { Length: > 0 },
            Mine = mine == true,
            Overdue = overdue == true,
            Title = title,
            Section = section,
            Author = author,
            Scheduled = scheduled == true,
            Sort = order,
            Descending = desc,
            Skip = Math.Max(0, skip ?? 0),
            Take = take ?? 20,
        }, cancellationToken);
        return TypedResults.Ok(new ContentPage<ContentSummary>(result.Total ?? result.Items.Count, [.. result.Items.Select(Summarize)]));
    }

    private static async Task<IResult> GetAsync(string id, string? version, IContentManager content, WorkflowService workflow, HttpResponse response, CancellationToken cancellationToken)
    {
        var options = version?.ToLowerInvariant() switch
        {
            null or "" or "latest" => VersionOptions.Latest,
            "published" => VersionOptions.Published,
            _ => throw new ContentValidationException("$.version", "must be 'latest' or 'published'."),
        };
        var item = await content.GetAsync(id, options, cancellationToken) ?? throw new ContentNotFoundException(id);
        VersionTag.Set(response, item);
        return TypedResults.Ok(await DescribeAsync(item, workflow, cancellationToken));
    }

    private static async Task<IResult> SaveAsync(JsonObject body, IContentManager content, IContentStore store, WorkflowService workflow, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        // Only the type, the id of a new item and the parts are read: owner, author, dates, stage, flags and version
        // ids in the body are ignored, so a client cannot assign what the engine decides.
        var posted = ContentItemJson.FromJson(body);
        var id = posted.ContentItemId;
        var existing = id.Length > 0 ? await store.GetAsync(id, VersionOptions.Latest, cancellationToken) : null;
        ContentItem saved;
        if (existing is not null)
        {
            var expected = VersionTag.Require(request);
            if (!string.Equals(existing.ContentType, posted.ContentType, StringComparison.Ordinal) && posted.ContentType.Length > 0)
            {
                throw new ContentValidationException("$.ContentType", $"the item is a {existing.ContentType}; its type cannot change.");
            }

            saved = await content.UpdateAsync(id, expected, posted.Content, cancellationToken);
        }
        else
        {
            if (VersionTag.IfMatch(request) is not null)
            {
                throw new ContentPreconditionException($"If-Match was sent, but there is no item '{id}' to match.");
            }

            if (id.Length > 0 && !IdGenerator.IsValid(id))
            {
                throw new ContentValidationException("$.ContentItemId", "must be 1 to 64 letters, digits, '-' or '_'.");
            }

            if (posted.ContentType.Length == 0)
            {
                throw new ContentValidationException("$.ContentType", "is required.");
            }

            saved = await content.CreateAsync(new ContentItem { ContentItemId = id, ContentType = posted.ContentType, DisplayText = posted.DisplayText, Content = posted.Content }, publish: false, cancellationToken);
        }

        VersionTag.Set(response, saved);
        var described = await DescribeAsync(saved, workflow, cancellationToken);
        return existing is null
            ? TypedResults.Created($"/api/content/{Uri.EscapeDataString(saved.ContentItemId)}", described)
            : TypedResults.Ok(described);
    }

    private static async Task<NoContent> DeleteAsync(string id, IContentManager content, IContentStore store, HttpRequest request, CancellationToken cancellationToken)
    {
        var expected = VersionTag.Require(request);
        var latest = await store.GetAsync(id, VersionOptions.Latest, cancellationToken) ?? throw new ContentNotFoundException(id);
        if (!string.Equals(latest.ContentItemVersionId, expected, StringComparison.Ordinal))
        {
            throw new ContentConflictException(id, expected, latest.ContentItemVersionId);
        }

        await content.DeleteAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> TransitionAsync(string id, string name, TransitionBody? body, WorkflowService workflow, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var expected = VersionTag.Require(request);
        var item = await workflow.TransitionAsync(id, name, new TransitionInput
        {
            ExpectedVersionId = expected,
            Comment = body?.Comment,
            PublishAtUtc = body?.PublishAt?.UtcDateTime,
            UnpublishAtUtc = body?.UnpublishAt?.UtcDateTime,
        }, cancellationToken);
        VersionTag.Set(response, item);
        return TypedResults.Ok(await DescribeAsync(item, workflow, cancellationToken));
    }

    private static async Task<IResult> AssignAsync(string id, AssignmentBody body, WorkflowService workflow, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var item = await workflow.AssignAsync(id, VersionTag.Require(request), body.AssignedTo, body.Due?.UtcDateTime, cancellationToken);
        VersionTag.Set(response, item);
        return TypedResults.Ok(await DescribeAsync(item, workflow, cancellationToken));
    }

    private static async Task<Ok<IReadOnlyList<VersionView>>> VersionsAsync(string id, ContentHistory history, CancellationToken cancellationToken) =>
        TypedResults.Ok(await history.ListAsync(id, cancellationToken));

    private static async Task<Ok<VersionDiff>> DiffAsync(string id, string? from, string? to, ContentHistory history, CancellationToken cancellationToken) =>
        TypedResults.Ok(await history.DiffAsync(id, from, to, cancellationToken));

    private static async Task<IResult> RestoreAsync(string id, string versionId, ContentHistory history, WorkflowService workflow, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var item = await history.RestoreAsync(id, versionId, VersionTag.Require(request), cancellationToken);
        VersionTag.Set(response, item);
        return TypedResults.Ok(await DescribeAsync(item, workflow, cancellationToken));
    }

    private static async Task<Ok<IReadOnlyList<CommentView>>> CommentsAsync(string id, ReviewThread thread, CancellationToken cancellationToken) =>
        TypedResults.Ok(await thread.ListAsync(id, cancellationToken));

    private static async Task<Created<CommentView>> AddCommentAsync(string id, CommentBody body, ReviewThread thread, CancellationToken cancellationToken)
    {
        var comment = await thread.AddAsync(id, body.Text, cancellationToken);
        return TypedResults.Created($"/api/content/{Uri.EscapeDataString(id)}/comments/{comment.CommentId}", comment);
    }

    private static async Task<Ok<CommentView>> EditCommentAsync(string id, string commentId, CommentBody body, ReviewThread thread, CancellationToken cancellationToken) =>
        TypedResults.Ok(await thread.EditAsync(id, commentId, body.Text, cancellationToken));

    private static async Task<Ok<ContentPage<AuditEventView>>> ItemAuditAsync(string id, int? skip, int? take, WorkflowService workflow, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (!await workflow.MayPreviewAsync(id, cancellationToken))
        {
            throw new ContentNotFoundException(id);
        }

        var (items, total) = await audit.QueryAsync(new AuditQuery
        {
            TargetType = Core.Audit.AuditTargets.ContentItem,
            TargetId = id,
            Skip = Math.Max(0, skip ?? 0),
            Take = take ?? 50,
        }, cancellationToken);
        return TypedResults.Ok(new ContentPage<AuditEventView>(total, items));
    }

    private static async Task<Ok<ContentPage<AuditEventView>>> AuditAsync(
        AuditTrail audit,
        string? actor,
        string? targetType,
        string? target,
        string? kind,
        DateTimeOffset? from,
        DateTimeOffset? to,
        int? skip,
        int? take,
        CancellationToken cancellationToken)
    {
        var (items, total) = await audit.QueryAsync(new AuditQuery
        {
            ActorId = actor,
            TargetType = targetType,
            TargetId = target,
            Kind = kind,
            FromUtc = from?.UtcDateTime,
            ToUtc = to?.UtcDateTime,
            Skip = Math.Max(0, skip ?? 0),
            Take = take ?? 50,
        }, cancellationToken);
        return TypedResults.Ok(new ContentPage<AuditEventView>(total, items));
    }

    private static async Task<JsonObject> DescribeAsync(ContentItem item, WorkflowService workflow, CancellationToken cancellationToken)
    {
        var json = ContentItemJson.ToJson(item);
        if (await workflow.GetStateAsync(item.ContentItemId, cancellationToken) is { } state)
        {
            json["Workflow"] = JsonSerializer.SerializeToNode(state, PascalCase);
        }

        return json;
    }

    private static ContentSummary Summarize(ContentItem item) =>
        new(item.ContentItemId, item.ContentItemVersionId, item.ContentType, item.DisplayText, item.Published ? ContentStages.Published : item.Stage,
            item.Published, item.Owner, item.Author, item.ModifiedUtc, item.PublishedUtc, item.AssignedTo, item.DueUtc);
}
