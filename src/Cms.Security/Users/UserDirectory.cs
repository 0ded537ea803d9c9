using Cms.Core.Security;
using Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cms.Security.Users;

/// <summary>User ids and names from the Identity tables.</summary>
public sealed class UserDirectory(CmsDbContext db) : IUserDirectory
{
    public async Task<IReadOnlyDictionary<string, string>> GetUserNamesAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default) =>
        await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && u.UserName != null)
            .ToDictionaryAsync(u => u.Id, u => u.UserName!, StringComparer.Ordinal, cancellationToken);

    public async Task<string?> FindIdByUserNameAsync(string userName, CancellationToken cancellationToken = default)
    {
        var normalized = userName.Trim().ToUpperInvariant();
        return await db.Users.AsNoTracking().Where(u => u.NormalizedUserName == normalized).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
    }
}
