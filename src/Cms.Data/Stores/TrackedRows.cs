using Microsoft.EntityFrameworkCore;

namespace Cms.Data.Stores;

/// <summary>
/// Finds a row the session tracks by a value that never changes once the row exists (a content item id, a version id),
/// without <c>DetectChanges</c>: <see cref="DbSet{TEntity}.Local"/> compares every tracked row with its snapshot first,
/// which a batched import paid once per item over every row of its batch.
/// </summary>
internal static class TrackedRows
{
    public static T? Find<T>(DbContext db, Func<T, bool> match)
        where T : class
    {
        var detecting = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return db.Set<T>().Local.FirstOrDefault(match);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }
}
