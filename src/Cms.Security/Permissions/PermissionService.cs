using System.Security.Claims;
using Cms.Core;
using Cms.Core.Content;
using Cms.Core.Security;
using Cms.Data;
using Cms.Security.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cms.Security.Permissions;

/// <summary>Resolves permissions from role claims, read once per set of roles until a role changes (<see cref="RolePermissionCache"/>).</summary>
public sealed class PermissionService(CmsDbContext db, PermissionCatalogue catalogue, RolePermissionCache cache) : IPermissionService
{
    // A request checks the same caller for every item it returns: its roles and cache key are worked out once.
    private (ClaimsPrincipal User, IReadOnlySet<string> Roles, string Key)? _last;

    public IReadOnlySet<string> GetEffectiveRoles(ClaimsPrincipal user) => Caller(user).Roles;

    private (ClaimsPrincipal User, IReadOnlySet<string> Roles, string Key) Caller(ClaimsPrincipal user)
    {
        if (_last is { } last && ReferenceEquals(last.User, user))
        {
            return last;
        }

        var roles = EffectiveRoles(user);
        var caller = (user, roles, string.Join('\n', roles.Select(r => r.ToUpperInvariant()).Order(StringComparer.Ordinal)));
        _last = caller;
        return caller;
    }

    private static HashSet<string> EffectiveRoles(ClaimsPrincipal user)
    {
        if (!user.IsAuthenticated())
        {
            return new HashSet<string>(StringComparer.OrdinalIgnoreCase) { CmsRoles.Anonymous };
        }

        var roles = new HashSet<string>(user.GetRoleNames().Where(r => !CmsRoles.IsImplicit(r)), StringComparer.OrdinalIgnoreCase);
        if (!user.IsClientApplication())
        {
            roles.Add(CmsRoles.Authenticated);
        }

        return roles;
    }

    public async Task<bool> HasPermissionAsync(ClaimsPrincipal user, string permission, CancellationToken cancellationToken = default)
    {
        var roles = GetEffectiveRoles(user);
        if (roles.Contains(CmsRoles.Administrator))
        {
            return true;
        }

        return (await GrantedAsync(user, cancellationToken)).Contains(permission);
    }

    public async Task<IReadOnlySet<string>> GetPermissionsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var roles = GetEffectiveRoles(user);
        if (roles.Contains(CmsRoles.Administrator))
        {
            return await catalogue.GetNamesAsync(cancellationToken);
        }

        var known = await catalogue.GetNamesAsync(cancellationToken);
        return (await GrantedAsync(user, cancellationToken)).Where(known.Contains).ToHashSet(StringComparer.Ordinal);
    }

    public async Task<bool> IsAllowedAsync(ClaimsPrincipal user, ContentAction action, ContentItem item, CancellationToken cancellationToken = default)
    {
        var scope = await GetScopeAsync(user, action, item.ContentType, cancellationToken);
        return scope switch
        {
            AccessScope.All => true,
            AccessScope.Own => user.GetActorId() is { } id && string.Equals(item.Owner, id, StringComparison.Ordinal),
            _ => false,
        };
    }

    // A request checks every item it returns: the answers are completed tasks, made once, not one per check.
    private static readonly Task<AccessScope>[] Answers = [Task.FromResult(AccessScope.None), Task.FromResult(AccessScope.Own), Task.FromResult(AccessScope.All)];

    private readonly CompletedAnswer<HashSet<string>> _granted = new();

    public Task<AccessScope> GetScopeAsync(ClaimsPrincipal user, ContentAction action, string contentType, CancellationToken cancellationToken = default)
    {
        if (GetEffectiveRoles(user).Contains(CmsRoles.Administrator))
        {
            return Answers[(int)AccessScope.All];
        }

        // Per type permissions exist for securable types only; the others are for administrators.
        var names = catalogue.GetNamesAsync(cancellationToken);
        if (!names.IsCompletedSuccessfully)
        {
            return ScopeAsync(names);
        }

        if (!names.Result.Contains(ContentPermissions.Name(action, contentType, own: false)))
        {
            return Answers[(int)AccessScope.None];
        }

        var granted = GrantedAsync(user, cancellationToken);
        return granted.IsCompletedSuccessfully ? Answers[(int)ScopeOf(user, action, contentType, granted.Result)] : GrantedScopeAsync(granted);

        async Task<AccessScope> ScopeAsync(Task<IReadOnlySet<string>> names) =>
            (await names).Contains(ContentPermissions.Name(action, contentType, own: false))
                ? ScopeOf(user, action, contentType, await GrantedAsync(user, cancellationToken))
                : AccessScope.None;

        async Task<AccessScope> GrantedScopeAsync(Task<HashSet<string>> granted) => ScopeOf(user, action, contentType, await granted);
    }

    private static AccessScope ScopeOf(ClaimsPrincipal user, ContentAction action, string contentType, HashSet<string> granted)
    {
        if (granted.Contains(ContentPermissions.Name(action, contentType, own: false)))
        {
            return AccessScope.All;
        }

        // "Own" needs someone to own things: anonymous callers never match an owner.
        return user.IsAuthenticated() && granted.Contains(ContentPermissions.Name(action, contentType, own: true)) ? AccessScope.Own : AccessScope.None;
    }

    private Task<HashSet<string>> GrantedAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (_, roles, key) = Caller(user);
        return cache.TryGet(key, out var cached) ? _granted.Of(cached) : LoadGrantedAsync(roles, key, cancellationToken);
    }

    private async Task<HashSet<string>> LoadGrantedAsync(IReadOnlySet<string> roles, string key, CancellationToken cancellationToken)
    {
        var generation = cache.Generation;

        var normalized = roles.Select(r => r.ToUpperInvariant()).ToList();
        var stored = await (
                from claim in db.RoleClaims.AsNoTracking()
                join role in db.Roles.AsNoTracking() on claim.RoleId equals role.Id
                where claim.ClaimType == CmsClaimTypes.Permission && normalized.Contains(role.NormalizedName!)
                select claim.ClaimValue)
            .ToListAsync(cancellationToken);
        var expanded = PermissionNames.Expand(stored.OfType<string>());
        cache.Set(key, expanded, generation);
        return expanded;
    }
}
