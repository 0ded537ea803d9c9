using System.Security.Claims;
using Cms.Security.Permissions;

namespace Cms.Admin.Services;

/// <summary>
/// The dashboard's and the role editor's permissions from the security capability: what a user holds is exactly what
/// the server grants (<see cref="IPermissionService"/>, implications included), and the catalogue with its
/// descriptions is <see cref="PermissionCatalogue"/>'s.
/// </summary>
public sealed class SecurityAdminPermissions(IPermissionService permissions, PermissionCatalogue catalogue) : IAdminPermissions
{
    public Task<IReadOnlySet<string>> GetGrantedAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        permissions.GetPermissionsAsync(user, cancellationToken);

    public async Task<IReadOnlyList<PermissionGroup>> GetCatalogueAsync(CancellationToken cancellationToken = default) =>
        [.. (await catalogue.GetGroupsAsync(cancellationToken)).Select(g =>
            new PermissionGroup(g.Title, g.ContentType, [.. g.Permissions.Select(p => new PermissionEntry(p.Name, p.Description))]))];
}
