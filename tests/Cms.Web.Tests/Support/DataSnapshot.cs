using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Web.Tests.Support;

/// <summary>Counts of what setup and recipes write (users, roles, versions, index rows) and each document's revision.</summary>
public sealed record DataSnapshot(int Users, int Roles, int UserRoles, int Versions, int PickerRows, string Documents)
{
    public static async Task<DataSnapshot> TakeAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var documents = await db.Documents.AsNoTracking().OrderBy(d => d.Name).Select(d => d.Name + "@" + d.Revision).ToListAsync();
        return new DataSnapshot(
            await db.Users.CountAsync(),
            await db.Roles.CountAsync(),
            await db.UserRoles.CountAsync(),
            await db.ContentItems.CountAsync(),
            await db.ContentPickerFieldIndex.CountAsync(),
            string.Join("; ", documents));
    }
}
