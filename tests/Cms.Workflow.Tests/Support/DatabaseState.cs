using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Workflow.Tests.Support;

/// <summary>Row counts of every table a content change writes, plus one item's stored rows, to show a refused change wrote nothing.</summary>
public sealed record DatabaseState(int Items, int Audit, int Comments, int Schedules, int TextIndex, int PickerIndex, string ItemRows)
{
    public static Task<DatabaseState> ReadAsync(WorkflowHost host, string contentItemId) => host.AsSystemAsync(async sp =>
    {
        var db = sp.GetRequiredService<CmsDbContext>();
        var rows = await db.ContentItems.AsNoTracking().Where(r => r.ContentItemId == contentItemId).OrderBy(r => r.Id)
            .Select(r => r.ContentItemVersionId + "|" + r.Stage + "|" + r.Latest + "|" + r.Published + "|" + r.Revision + "|" + r.Owner + "|" + r.Data)
            .ToListAsync();
        return new DatabaseState(
            await db.ContentItems.CountAsync(),
            await db.AuditEvents.CountAsync(),
            await db.ContentComments.CountAsync(),
            await db.ContentSchedules.CountAsync(),
            await db.TextFieldIndex.CountAsync(),
            await db.ContentPickerFieldIndex.CountAsync(),
            string.Join("\n", rows));
    });
}
