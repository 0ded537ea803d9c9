using System.Security.Claims;
using System.Text.RegularExpressions;
using Cms.Core.Storage;
using Cms.Data;
using Cms.Data.Entities;
using Cms.Security.Administration;
using Cms.Security.Identity;
using Cms.Security.Permissions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using CorePermissions = Cms.Core.Security.Permissions;

namespace Cms.Security.Roles;

/// <summary>
/// Roles and their permissions for the admin screens; every method demands <c>ManageRoles</c>. Administrator holds
/// every permission (nothing stored, nothing to edit) and, like Authenticated and Anonymous, cannot be deleted.
/// Permission changes apply on the members' next request (permissions are read per request).
/// </summary>
public sealed partial class RoleAdministration(
    RoleManager<CmsRole> roles,
    UserManager<CmsUser> users,
    CmsDbContext db,
    IPermissionService permissions,
    PermissionCatalogue catalogue,
    IUnitOfWork unitOfWork,
    ILogger<RoleAdministration> logger)
{
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9 _.-]{0,63}$")]
    private static partial Regex RoleNamePattern();

    public async Task<IReadOnlyList<RoleSummary>> ListAsync(ClaimsPrincipal caller, CancellationToken cancellationToken = default)
    {
        await permissions.DemandAsync(caller, CorePermissions.ManageRoles, cancellationToken);
        return await ListCoreAsync(null, cancellationToken);
    }

    public async Task<RoleSummary?> GetAsync(ClaimsPrincipal caller, string name, CancellationToken cancellationToken = default)
    {
        await permissions.DemandAsync(caller, CorePermissions.ManageRoles, cancellationToken);
        return await ListCoreAsync(name, cancellationToken) is [var role, ..] ? role : null;
    }

    public async Task<AdminResult> CreateAsync(ClaimsPrincipal caller, RoleInput input, CancellationToken cancellationToken = default)
    {
        await permissions.DemandAsync(caller, CorePermissions.ManageRoles, cancellationToken);
        var name = input.Name?.Trim() ?? "";
        if (!RoleNamePattern().IsMatch(name))
        {
            return AdminResult.Fail("Name", "A role name starts with a letter and has up to 64 letters, digits, spaces, '_', '.' or '-'.");
        }

        if (await roles.RoleExistsAsync(name))
        {
            return AdminResult.Fail("Name", $"A role named '{name}' already exists.");
        }

        var unknown = await UnknownPermissionsAsync(input.Permissions, cancellationToken);
        if (unknown.Count > 0)
        {
            return AdminResult.Fail("Permissions", $"Unknown permissions: {string.Join(", ", unknown)}.");
        }

        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        await SaveAsync(name, input.Description, input.Permissions, PermissionBehavior.Replace, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Role {Role} created by {Caller}", name, caller.GetActorName());
        return AdminResult.Ok();
    }

    /// <summary>Sets the description and the exact permissions of an existing role.</summary>
    public async Task<AdminResult> UpdateAsync(ClaimsPrincipal caller, string name, RoleInput input, CancellationToken cancellationToken = default)
    {
        await permissions.DemandAsync(caller, CorePermissions.ManageRoles, cancellationToken);
        if (await roles.FindByNameAsync(name) is not { } role)
        {
            return AdminResult.Missing($"The role '{name}'");
        }

        if (CmsRoles.IsAdministrator(role.Name!) && input.Permissions.Count > 0)
        {
            return AdminResult.Fail("Permissions", "Administrator always has every permission; its permissions cannot be edited.");
        }

        var unknown = await UnknownPermissionsAsync(input.Permissions, cancellationToken);
        if (unknown.Count > 0)
        {
            return AdminResult.Fail("Permissions", $"Unknown permissions: {string.Join(", ", unknown)}.");
        }

        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        await SaveAsync(role.Name!, input.Description, input.Permissions, PermissionBehavior.Replace, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Role {Role} updated by {Caller}: {Count} permissions", role.Name, caller.GetActorName(), input.Permissions.Count);
        return AdminResult.Ok();
    }

    public async Task<AdminResult> DeleteAsync(ClaimsPrincipal caller, string name, CancellationToken cancellationToken = default)
    {
        await permissions.DemandAsync(caller, CorePermissions.ManageRoles, cancellationToken);
        if (await roles.FindByNameAsync(name) is not { } role)
        {
            return AdminResult.Missing($"The role '{name}'");
        }

        if (CmsRoles.IsSystem(role.Name!))
        {
            return AdminResult.Fail("", $"'{role.Name}' is a system role and cannot be deleted.");
        }

        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        var members = await users.GetUsersInRoleAsync(role.Name!);
        var deleted = await roles.DeleteAsync(role);
        if (!deleted.Succeeded)
        {
            return AdminResult.Fail([.. deleted.Errors.Select(e => new AdminError("", e.Description))]);
        }

        foreach (var member in members)
        {
            await users.UpdateSecurityStampAsync(member);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Role {Role} deleted by {Caller}; {Count} users lost it", role.Name, caller.GetActorName(), members.Count);
        return AdminResult.Ok();
    }

    /// <summary>Permissions that are not in the catalogue (for errors).</summary>
    internal async Task<IReadOnlyList<string>> UnknownPermissionsAsync(IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var known = await catalogue.GetNamesAsync(cancellationToken);
        return [.. names.Where(n => !known.Contains(n)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Creates the role if needed and writes its permissions; no permission checks (recipes and the public methods above).</summary>
    internal async Task SaveAsync(string name, string? description, IEnumerable<string> wanted, PermissionBehavior behavior, CancellationToken cancellationToken)
    {
        var role = await roles.FindByNameAsync(name);
        if (role is null)
        {
            role = new CmsRole { Name = name, Description = description?.Trim() };
            Check(await roles.CreateAsync(role), name);
        }
        else if (description is not null && !string.Equals(role.Description, description.Trim(), StringComparison.Ordinal))
        {
            role.Description = description.Trim();
            Check(await roles.UpdateAsync(role), name);
        }

        if (CmsRoles.IsAdministrator(name))
        {
            return;
        }

        var current = (await roles.GetClaimsAsync(role)).Where(c => c.Type == CmsClaimTypes.Permission).ToList();
        var currentNames = current.Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var wantedNames = wanted.ToHashSet(StringComparer.Ordinal);
        HashSet<string> target = behavior switch
        {
            PermissionBehavior.Add => [.. currentNames.Union(wantedNames)],
            PermissionBehavior.Remove => [.. currentNames.Except(wantedNames)],
            _ => wantedNames,
        };

        foreach (var claim in current.Where(c => !target.Contains(c.Value)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            Check(await roles.RemoveClaimAsync(role, claim), name);
        }

        foreach (var permission in target.Where(p => !currentNames.Contains(p)).Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            Check(await roles.AddClaimAsync(role, new Claim(CmsClaimTypes.Permission, permission)), name);
        }
    }

    /// <summary>Every role, without a permission check: for the export, whose own permission is checked at its edge.</summary>
    internal async Task<IReadOnlyList<RoleSummary>> ListCoreAsync(string? only, CancellationToken cancellationToken)
    {
        var query = db.Roles.AsNoTracking();
        if (only is not null)
        {
            var normalized = only.ToUpperInvariant();
            query = query.Where(r => r.NormalizedName == normalized);
        }

        var list = await query.OrderBy(r => r.Name).ToListAsync(cancellationToken);
        var ids = list.Select(r => r.Id).ToList();
        var claims = await db.RoleClaims.AsNoTracking()
            .Where(c => ids.Contains(c.RoleId) && c.ClaimType == CmsClaimTypes.Permission)
            .Select(c => new { c.RoleId, c.ClaimValue })
            .ToListAsync(cancellationToken);
        var counts = await db.UserRoles.AsNoTracking().Where(ur => ids.Contains(ur.RoleId)).GroupBy(ur => ur.RoleId)
            .Select(g => new { RoleId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.RoleId, x => x.Count, cancellationToken);
        return [.. list.Select(r => new RoleSummary(
            r.Name!,
            r.Description,
            CmsRoles.IsAdministrator(r.Name!) ? [] : [.. claims.Where(c => c.RoleId == r.Id).Select(c => c.ClaimValue!).Order(StringComparer.Ordinal)],
            CmsRoles.IsSystem(r.Name!),
            CmsRoles.IsAdministrator(r.Name!),
            counts.GetValueOrDefault(r.Id)))];
    }

    private static void Check(IdentityResult result, string role)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The role '{role}' could not be saved: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
