using System.Collections.Concurrent;
using Cms.Core.Storage;

namespace Cms.Security.Permissions;

/// <summary>
/// The permissions granted to each set of roles, shared by all requests, so that checking an anonymous or token
/// caller costs no database read. It empties itself on <see cref="SharedStateSignal"/>: when roles or their
/// permissions are saved here (and again when that transaction commits), or changed by another process, so a change
/// counts from the next request.
/// </summary>
public sealed class RolePermissionCache
{
    private readonly ConcurrentDictionary<string, HashSet<string>> _byRoles = new(StringComparer.Ordinal);
    private long _generation;

    public RolePermissionCache(SharedStateSignal signal)
    {
        signal.Changed += _ => Clear();
    }

    /// <summary>Read before loading from the database; pass to <see cref="Set"/>.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(string rolesKey, out HashSet<string> permissions) => _byRoles.TryGetValue(rolesKey, out permissions!);

    /// <summary>Keeps what was loaded, unless roles changed while it was being loaded.</summary>
    public void Set(string rolesKey, HashSet<string> permissions, long generation)
    {
        if (generation == Generation)
        {
            _byRoles[rolesKey] = permissions;
            if (generation != Generation)
            {
                _byRoles.TryRemove(rolesKey, out _);
            }
        }
    }

    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        _byRoles.Clear();
    }
}
