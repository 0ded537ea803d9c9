using System.Security.Claims;
using Cms.Security.Identity;
using Cms.Security.Roles;
using Microsoft.AspNetCore.Http;
using SecurityResult = Cms.Security.Administration.AdminResult;

namespace Cms.Admin.Services;

/// <summary>
/// The role screens on the security capability's <see cref="RoleAdministration"/>: the same rules (system roles,
/// Administrator's implicit permissions, known permission names) as the Roles recipe step. The acting user is the request's.
/// </summary>
public sealed class SecurityAdminRoles(RoleAdministration roles, IHttpContextAccessor http) : IAdminRoles
{
    private ClaimsPrincipal Caller => http.HttpContext?.User ?? throw new InvalidOperationException("Roles are managed within a request.");

    public async Task<IReadOnlyList<AdminRoleSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        [.. (await roles.ListAsync(Caller, cancellationToken)).Select(r => new AdminRoleSummary(r.Name, r.Description, r.UserCount, r.Permissions.Count, r.HasAllPermissions, r.IsSystem))];

    public async Task<AdminRoleDetails?> FindAsync(string roleName, CancellationToken cancellationToken = default) =>
        await roles.GetAsync(Caller, roleName, cancellationToken) is { } role
            ? new AdminRoleDetails(role.Name, role.Description, role.HasAllPermissions, role.IsSystem, new HashSet<string>(role.Permissions, StringComparer.Ordinal))
            : null;

    public async Task<AdminResult> CreateAsync(string roleName, string? description, IReadOnlyCollection<string> permissions, CancellationToken cancellationToken = default) =>
        Errors(await roles.CreateAsync(Caller, new RoleInput { Name = roleName.Trim(), Description = description, Permissions = [.. permissions] }, cancellationToken));

    public async Task<AdminResult> UpdateAsync(string roleName, string? description, IReadOnlyCollection<string> permissions, CancellationToken cancellationToken = default)
    {
        // Administrator holds every permission by definition: only its description is edited.
        var granted = CmsRoles.IsAdministrator(roleName) ? [] : permissions.ToList();
        return Errors(await roles.UpdateAsync(Caller, roleName, new RoleInput { Name = roleName, Description = description, Permissions = granted }, cancellationToken));
    }

    public async Task<AdminResult> DeleteAsync(string roleName, CancellationToken cancellationToken = default) =>
        Errors(await roles.DeleteAsync(Caller, roleName, cancellationToken));

    private static AdminResult Errors(SecurityResult result) => SecurityResults.ToAdmin(result);
}
