using System.Text.Json.Nodes;
using Cms.Core.Content;
using Cms.Core.Metadata;
using Cms.Core.Security;
using Cms.Data;
using Cms.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cms.Workflow.Editor;

/// <summary>
/// The editor's private autosaves: what a user typed and has not saved, kept for that user alone (never a version,
/// never listed to anyone else), one per item, or one per content type for an item not created yet. A save of the item
/// by the same user removes it (<see cref="AutosaveCleanup"/>), in the save's transaction.
/// </summary>
public sealed class EditorAutosaves(CmsDbContext db, IContentManager content, IContentAccess access, IContentDefinitionManager definitions, TimeProvider clock)
{
    /// <summary>The largest autosave accepted: a body at the engine's limit plus the rest of the item.</summary>
    public const int MaxBytes = BuiltInParts.MaxHtmlLength + 500_000;

    private const string NewPrefix = "new:";

    /// <summary>The key of the autosave of an item not yet created, per content type.</summary>
    public static string NewItemKey(string contentType) => NewPrefix + contentType;

    public async Task<AutosaveView?> GetAsync(string itemKey, CancellationToken cancellationToken = default)
    {
        var userId = RequireUser();
        var record = await db.ContentAutosaves.AsNoTracking()
            .FirstOrDefaultAsync(a => a.UserId == userId && a.ItemKey == itemKey, cancellationToken);
        return record is null ? null : ToView(record);
    }

    /// <summary>Writes (or replaces) the caller's autosave of an item they may edit, or of a new item of a type they may create.</summary>
    public async Task<AutosaveView> SaveAsync(string itemKey, JsonObject data, string? baseVersionId, CancellationToken cancellationToken = default)
    {
        var userId = RequireUser();
        string contentType;
        if (itemKey.StartsWith(NewPrefix, StringComparison.Ordinal))
        {
            contentType = itemKey[NewPrefix.Length..];
            var type = await definitions.GetTypeAsync(contentType, cancellationToken)
                ?? throw new ContentValidationException("$.type", $"unknown content type '{contentType}'.");
            var draft = new ContentItem { ContentItemId = "", ContentType = type.Name, Owner = userId };
            if (!await access.IsAllowedAsync(ContentAction.Edit, draft, cancellationToken))
            {
                throw new ContentAccessDeniedException(ContentPermissions.Name(ContentAction.Edit, type.Name, own: true), (string?)null);
            }

            baseVersionId = null;
        }
        else
        {
            var item = await content.GetAsync(itemKey, VersionOptions.Latest, cancellationToken) ?? throw new ContentNotFoundException(itemKey);
            if (!await access.IsAllowedAsync(ContentAction.Edit, item, cancellationToken))
            {
                throw new ContentAccessDeniedException(ContentPermissions.Name(ContentAction.Edit, item.ContentType, own: false), itemKey);
            }

            contentType = item.ContentType;
        }

        var posted = data["ContentType"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? data["ContentType"]!.GetValue<string>() : null;
        if (posted is not null && !string.Equals(posted, contentType, StringComparison.Ordinal))
        {
            throw new ContentValidationException("$.data.ContentType", $"the autosave is of a {contentType}, not a {posted}.");
        }

        var json = data.ToJsonString();
        if (json.Length > MaxBytes)
        {
            throw new ContentValidationException("$.data", $"is larger than {MaxBytes} characters.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var record = await db.ContentAutosaves.FirstOrDefaultAsync(a => a.UserId == userId && a.ItemKey == itemKey, cancellationToken);
        if (record is null)
        {
            record = new ContentAutosaveRecord { UserId = userId, ItemKey = itemKey };
            db.ContentAutosaves.Add(record);
        }

        record.ContentType = contentType;
        record.Data = json;
        record.BaseVersionId = baseVersionId is { Length: > 0 and <= 64 } ? baseVersionId : null;
        record.SavedUtc = now;
        await db.SaveChangesAsync(cancellationToken);
        return ToView(record);
    }

    /// <summary>Drops the caller's autosave of the item (restored or discarded); true when there was one.</summary>
    public async Task<bool> DeleteAsync(string itemKey, CancellationToken cancellationToken = default)
    {
        var userId = RequireUser();
        return await db.ContentAutosaves.Where(a => a.UserId == userId && a.ItemKey == itemKey).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    private string RequireUser() =>
        access.Actor.UserId is { Length: > 0 } userId && !access.Actor.IsSystem
            ? userId
            : throw new ContentAccessDeniedException("Autosaves belong to a signed-in user.", new UnauthorizedAccessException());

    private static AutosaveView ToView(ContentAutosaveRecord record) =>
        new(record.ItemKey, record.ContentType, JsonNode.Parse(record.Data)?.AsObject() ?? [], record.BaseVersionId, record.SavedUtc);
}
