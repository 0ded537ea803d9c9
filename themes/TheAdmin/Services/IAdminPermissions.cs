using System.Security.Claims;

namespace Cms.Admin.Services;

/// <summary>Who may do what, for the dashboard and the role editor. Page access itself goes through authorization policies.</summary>
public interface IAdminPermissions
{
    /// <summary>Every permission the user holds through their roles, right now (not as of sign-in).</summary>
    Task<IReadOnlySet<string>> GetGrantedAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default);

    /// <summary>All permissions: first the global group, then one group per securable content type.</summary>
    Task<IReadOnlyList<PermissionGroup>> GetCatalogueAsync(CancellationToken cancellationToken = default);
}
