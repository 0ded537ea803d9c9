namespace Cms.Admin.Services;

/// <summary>What the admin pages need to manage roles and their permissions. Roles are named by their name.</summary>
public interface IAdminRoles
{
    Task<IReadOnlyList<AdminRoleSummary>> ListAsync(CancellationToken cancellationToken = default);

    Task<AdminRoleDetails?> FindAsync(string roleName, CancellationToken cancellationToken = default);

    Task<AdminResult> CreateAsync(string roleName, string? description, IReadOnlyCollection<string> permissions, CancellationToken cancellationToken = default);

    /// <summary>Replaces the description and the permission set (the Administrator role keeps every permission).</summary>
    Task<AdminResult> UpdateAsync(string roleName, string? description, IReadOnlyCollection<string> permissions, CancellationToken cancellationToken = default);

    /// <summary>Deletes a role; the system roles (Administrator, Authenticated, Anonymous) cannot be deleted.</summary>
    Task<AdminResult> DeleteAsync(string roleName, CancellationToken cancellationToken = default);
}
