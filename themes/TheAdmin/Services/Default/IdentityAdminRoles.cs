using System.Security.Claims;
using Cms.Core.Storage;
using Cms.Data;
using Cms.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cms.Admin.Services.Default;

/// <summary>Roles on ASP.NET Core Identity's role manager; permissions are role claims of type <c>Permission</c>.</summary>
public sealed class IdentityAdminRoles(RoleManager<CmsRole> roles, CmsDbContext db, IUnitOfWork unitOfWork, IAdminPermissions catalogue) : IAdminRoles
{
    public const int MaxNameLength = 64;

    public async Task<IReadOnlyList<AdminRoleSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var all = await roles.Roles.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken);
        var userCounts = await db.UserRoles.GroupBy(ur => ur.RoleId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var permissionCounts = await db.RoleClaims.Where(c => c.ClaimType == SystemRoles.PermissionClaimType)
            .GroupBy(c => c.RoleId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        return
        [
            .. all.Select(r => new AdminRoleSummary(
                r.Name!,
                r.Description,
                userCounts.GetValueOrDefault(r.Id),
                permissionCounts.GetValueOrDefault(r.Id),
                SystemRoles.IsAdministrator(r.Name!),
                SystemRoles.IsSystem(r.Name!))),
        ];
    }

    public async Task<AdminRoleDetails?> FindAsync(string roleName, CancellationToken cancellationToken = default)
    {
        var role = await roles.FindByNameAsync(roleName);
        if (role is null)
        {
            return null;
        }

        var claims = await roles.GetClaimsAsync(role);
        return new AdminRoleDetails(
            role.Name!,
            role.Description,
            SystemRoles.IsAdministrator(role.Name!),
            SystemRoles.IsSystem(role.Name!),
            claims.Where(c => c.Type == SystemRoles.PermissionClaimType).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
    }

    public async Task<AdminResult> CreateAsync(string roleName, string? description, IReadOnlyCollection<string> permissions, CancellationToken cancellationToken = default)
    {
        roleName = roleName.Trim();
        if (roleName.Length == 0 || roleName.Length > MaxNameLength)
        {
            return AdminResult.Fail($"Enter a role name of 1 to {MaxNameLength} characters.", "Name");
        }

        if (await roles.RoleExistsAsync(roleName))
        {
            return AdminResult.Fail($"A role named '{roleName}' already exists.", "Name");
        }

        var unknown = await UnknownAsync(permissions, cancellationToken);
        if (unknown is not null)
        {
            return unknown;
        }

        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        var role = new CmsRole { Name = roleName, Description = Normalize(description) };
        var created = await roles.CreateAsync(role);
        if (!created.Succeeded)
        {
            return IdentityErrors.ToResult(created, "Name");
        }

        return await CommitIfAsync(await ReplacePermissionsAsync(role, permissions), transaction, cancellationToken);
    }

    public async Task<AdminResult> UpdateAsync(string roleName, string? description, IReadOnlyCollection<string> permissions, CancellationToken cancellationToken = default)
    {
        var role = await roles.FindByNameAsync(roleName);
        if (role is null)
        {
            return AdminResult.Fail($"The role '{roleName}' does not exist.");
        }

        var unknown = SystemRoles.IsAdministrator(role.Name!) ? null : await UnknownAsync(permissions, cancellationToken);
        if (unknown is not null)
        {
            return unknown;
        }

        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        role.Description = Normalize(description);
        var updated = await roles.UpdateAsync(role);
        if (!updated.Succeeded)
        {
            return IdentityErrors.ToResult(updated, null);
        }

        // The Administrator role holds every permission by definition; its claims are not edited.
        var result = SystemRoles.IsAdministrator(role.Name!) ? AdminResult.Success : await ReplacePermissionsAsync(role, permissions);
        return await CommitIfAsync(result, transaction, cancellationToken);
    }

    public async Task<AdminResult> DeleteAsync(string roleName, CancellationToken cancellationToken = default)
    {
        var role = await roles.FindByNameAsync(roleName);
        if (role is null)
        {
            return AdminResult.Fail($"The role '{roleName}' does not exist.");
        }

        if (SystemRoles.IsSystem(role.Name!))
        {
            return AdminResult.Fail($"The {role.Name} role is a system role and cannot be deleted.");
        }

        var deleted = await roles.DeleteAsync(role);
        return deleted.Succeeded ? AdminResult.Success : IdentityErrors.ToResult(deleted, null);
    }

    private async Task<AdminResult?> UnknownAsync(IReadOnlyCollection<string> permissions, CancellationToken cancellationToken)
    {
        var groups = await catalogue.GetCatalogueAsync(cancellationToken);
        var known = groups.SelectMany(g => g.Permissions).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = permissions.Where(p => !known.Contains(p)).ToList();
        return unknown.Count == 0 ? null : AdminResult.Fail("Unknown permission: " + string.Join(", ", unknown) + ".");
    }

    private async Task<AdminResult> ReplacePermissionsAsync(CmsRole role, IReadOnlyCollection<string> wanted)
    {
        var wantedSet = wanted.ToHashSet(StringComparer.Ordinal);
        var current = (await roles.GetClaimsAsync(role)).Where(c => c.Type == SystemRoles.PermissionClaimType).ToList();
        foreach (var claim in current.Where(c => !wantedSet.Contains(c.Value)))
        {
            var removed = await roles.RemoveClaimAsync(role, claim);
            if (!removed.Succeeded)
            {
                return IdentityErrors.ToResult(removed, null);
            }
        }

        var have = current.Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var permission in wantedSet.Where(p => !have.Contains(p)).Order(StringComparer.Ordinal))
        {
            var added = await roles.AddClaimAsync(role, new Claim(SystemRoles.PermissionClaimType, permission));
            if (!added.Succeeded)
            {
                return IdentityErrors.ToResult(added, null);
            }
        }

        return AdminResult.Success;
    }

    private static async Task<AdminResult> CommitIfAsync(AdminResult result, IUnitOfWorkTransaction transaction, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return result;
    }

    private static string? Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
