using Cms.Core.Events;
using Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cms.Workflow.Editor;

/// <summary>
/// A saved item needs no autosave: when a user creates or saves an item, their autosave of it (and, for a new item,
/// their autosave of a new item of that type) is removed in the same transaction, so it is gone exactly when the save
/// commits. Other users' autosaves stay: what they typed is theirs.
/// </summary>
public sealed class AutosaveCleanup(CmsDbContext db) : IContentChangeHandler
{
    public async Task OnChangingAsync(ContentChange change, CancellationToken cancellationToken)
    {
        if (change.Kind is not (ContentEventKind.Created or ContentEventKind.Saved) || change.Actor.UserId is not { Length: > 0 } userId)
        {
            return;
        }

        var itemKey = change.Item.ContentItemId;
        var newKey = EditorAutosaves.NewItemKey(change.Item.ContentType);
        var keys = change.Kind == ContentEventKind.Created ? new[] { itemKey, newKey } : [itemKey];
        await db.ContentAutosaves.Where(a => a.UserId == userId && keys.Contains(a.ItemKey)).ExecuteDeleteAsync(cancellationToken);
    }
}
