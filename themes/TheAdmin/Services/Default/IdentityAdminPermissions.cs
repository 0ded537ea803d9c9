using System.Security.Claims;
using Cms.Core.Metadata;
using Cms.Core.Security;
using Cms.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace Cms.Admin.Services.Default;

/// <summary>
/// Permissions from ASP.NET Core Identity: the role claims of type <c>Permission</c> of the user's roles, read from
/// the database on each request (so a change is seen on the next request), plus the Authenticated role's.
/// The Administrator role holds the whole catalogue. A disabled user holds nothing.
/// </summary>
public sealed class IdentityAdminPermissions(
    UserManager<CmsUser> users,
    RoleManager<CmsRole> roles,
    IContentDefinitionManager definitions) : IAdminPermissions
{
    private readonly Dictionary<string, IReadOnlySet<string>> _granted = new(StringComparer.Ordinal);

    public async Task<IReadOnlySet<string>> GetGrantedAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var userId = user.Identity?.IsAuthenticated == true ? users.GetUserId(user) : null;
        var key = userId ?? "";
        if (_granted.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var granted = await ComputeAsync(userId, cancellationToken);
        _granted[key] = granted;
        return granted;
    }

    public async Task<IReadOnlyList<PermissionGroup>> GetCatalogueAsync(CancellationToken cancellationToken = default)
    {
        var groups = new List<PermissionGroup>
        {
            new("Global permissions", null, [.. Permissions.Global.Select(p => new PermissionEntry(p, PermissionDescriptions.ForGlobal(p)))]),
        };
        var set = await definitions.GetAsync(cancellationToken);
        foreach (var type in set.Types.Values.Where(t => t.Settings.Securable).OrderBy(t => t.DisplayName, StringComparer.OrdinalIgnoreCase))
        {
            var entries = new List<PermissionEntry>();
            foreach (var (action, _) in PermissionDescriptions.ContentActions)
            {
                entries.Add(new(ContentPermissions.Name(action, type.Name, own: false), PermissionDescriptions.ForContent(action, type.DisplayName, own: false)));
                entries.Add(new(ContentPermissions.Name(action, type.Name, own: true), PermissionDescriptions.ForContent(action, type.DisplayName, own: true)));
            }

            entries.Add(new(ContentPermissions.List(type.Name), PermissionDescriptions.ForList(type.DisplayName)));
            groups.Add(new PermissionGroup(type.DisplayName, type.Name, entries));
        }

        return groups;
    }

    private async Task<IReadOnlySet<string>> ComputeAsync(string? userId, CancellationToken cancellationToken)
    {
        var roleNames = new List<string>();
        if (userId is null)
        {
            roleNames.Add(SystemRoles.Anonymous);
        }
        else
        {
            var account = await users.FindByIdAsync(userId);
            if (account is null || !account.IsEnabled)
            {
                return new HashSet<string>(StringComparer.Ordinal);
            }

            roleNames.AddRange(await users.GetRolesAsync(account));
            roleNames.Add(SystemRoles.Authenticated);
        }

        if (roleNames.Any(SystemRoles.IsAdministrator))
        {
            var catalogue = await GetCatalogueAsync(cancellationToken);
            return catalogue.SelectMany(g => g.Permissions).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        }

        var granted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var roleName in roleNames.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (await roles.FindByNameAsync(roleName) is { } role)
            {
                foreach (var claim in await roles.GetClaimsAsync(role))
                {
                    if (claim.Type == SystemRoles.PermissionClaimType)
                    {
                        granted.Add(claim.Value);
                    }
                }
            }
        }

        return granted;
    }
}
