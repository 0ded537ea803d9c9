using System.Security.Claims;
using System.Text.RegularExpressions;
using Cms.Core.Storage;
using Cms.Data;
using Cms.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cms.Admin.Services.Default;

/// <summary>
/// Users on ASP.NET Core Identity's user manager. Changing roles or the enabled flag renews the security stamp,
/// so the user's cookie is re-validated on the next request. Only an administrator grants or removes the
/// Administrator role or changes an administrator; nobody disables themselves; the last enabled administrator stays.
/// </summary>
public sealed partial class IdentityAdminUsers(
    UserManager<CmsUser> users,
    RoleManager<CmsRole> roles,
    CmsDbContext db,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IAdminUsers
{
    public async Task<AdminPage<AdminUserSummary>> SearchAsync(string? search, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        pageSize = Math.Clamp(pageSize, 1, 100);
        page = Math.Max(page, 1);
        var query = users.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            // Upper-cased on both sides: LIKE is case-sensitive on PostgreSQL. Wildcards typed by the user are escaped.
            var pattern = "%" + LikeEscape().Replace(search.Trim().ToUpperInvariant(), @"\$0") + "%";
            query = query.Where(u =>
                EF.Functions.Like(u.NormalizedUserName!, pattern, @"\")
                || EF.Functions.Like(u.NormalizedEmail!, pattern, @"\")
                || (u.DisplayName != null && EF.Functions.Like(u.DisplayName.ToUpper(), pattern, @"\")));
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(u => u.NormalizedUserName).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var ids = rows.Select(u => u.Id).ToList();
        var roleRows = await (from ur in db.UserRoles
                              join r in db.Roles on ur.RoleId equals r.Id
                              where ids.Contains(ur.UserId)
                              select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var rolesByUser = roleRows.ToLookup(x => x.UserId, x => x.Name!);
        var now = clock.GetUtcNow();
        var items = rows.Select(u => new AdminUserSummary(
            u.Id, u.UserName!, u.DisplayName, u.Email, u.IsEnabled, IsLockedOut(u, now), u.CreatedUtc,
            [.. rolesByUser[u.Id].Order(StringComparer.OrdinalIgnoreCase)])).ToList();
        return new AdminPage<AdminUserSummary>(items, page, pageSize, total);
    }

    public async Task<AdminUserDetails?> FindAsync(string userId, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return null;
        }

        var userRoles = await users.GetRolesAsync(user);
        return new AdminUserDetails(
            user.Id, user.UserName!, user.DisplayName, user.Email, user.IsEnabled, IsLockedOut(user, clock.GetUtcNow()), user.CreatedUtc,
            [.. userRoles.Order(StringComparer.OrdinalIgnoreCase)]);
    }

    public async Task<IReadOnlyList<string>> AssignableRolesAsync(CancellationToken cancellationToken = default)
    {
        var names = await roles.Roles.AsNoTracking().Select(r => r.Name!).ToListAsync(cancellationToken);
        return [.. names.Where(n => !SystemRoles.IsImplicit(n)).Order(StringComparer.OrdinalIgnoreCase)];
    }

    public async Task<AdminResult<string>> CreateAsync(ClaimsPrincipal actor, AdminNewUser user, CancellationToken cancellationToken = default)
    {
        var input = user;
        var wanted = await CheckRolesAsync(input.Roles, cancellationToken);
        if (wanted.Error is { } roleError)
        {
            return roleError.As<string>();
        }

        if (wanted.Roles.Any(SystemRoles.IsAdministrator) && !await IsAdministratorAsync(actor))
        {
            return AdminResult.Fail<string>("Only an administrator can grant the Administrator role.", "Roles");
        }

        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        var account = new CmsUser
        {
            UserName = input.UserName.Trim(),
            Email = input.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = Normalize(input.DisplayName),
            IsEnabled = input.IsEnabled,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(account, input.Password);
        if (!created.Succeeded)
        {
            return IdentityErrors.ToResult(created, null).As<string>();
        }

        if (wanted.Roles.Count > 0)
        {
            var added = await users.AddToRolesAsync(account, wanted.Roles);
            if (!added.Succeeded)
            {
                return IdentityErrors.ToResult(added, "Roles").As<string>();
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return AdminResult.Ok(account.Id);
    }

    public async Task<AdminResult> UpdateAsync(ClaimsPrincipal actor, string userId, AdminUserUpdate update, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AdminResult.Fail("The user does not exist.");
        }

        var wanted = await CheckRolesAsync(update.Roles, cancellationToken);
        if (wanted.Error is { } roleError)
        {
            return roleError;
        }

        var current = await users.GetRolesAsync(user);
        var actorIsAdministrator = await IsAdministratorAsync(actor);
        var wasAdministrator = current.Any(SystemRoles.IsAdministrator);
        var staysAdministrator = wanted.Roles.Any(SystemRoles.IsAdministrator);
        if ((wasAdministrator || staysAdministrator) && !actorIsAdministrator)
        {
            return AdminResult.Fail("Only an administrator can change an administrator or grant the Administrator role.", "Roles");
        }

        if (IsSelf(actor, user) && !update.IsEnabled)
        {
            return AdminResult.Fail("You cannot disable your own account.", "IsEnabled");
        }

        if (wasAdministrator && user.IsEnabled && (!staysAdministrator || !update.IsEnabled) && await CountEnabledAdministratorsAsync(cancellationToken) <= 1)
        {
            return AdminResult.Fail("This is the last enabled administrator: the Administrator role must keep an enabled member.", "Roles");
        }

        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        var rightsChanged = user.IsEnabled != update.IsEnabled
            || !current.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(wanted.Roles);
        user.DisplayName = Normalize(update.DisplayName);
        user.IsEnabled = update.IsEnabled;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            return IdentityErrors.ToResult(result, null);
        }

        if (!string.Equals(user.Email, update.Email.Trim(), StringComparison.Ordinal))
        {
            result = await users.SetEmailAsync(user, update.Email.Trim());
            if (!result.Succeeded)
            {
                return IdentityErrors.ToResult(result, "Email");
            }
        }

        var toRemove = current.Where(r => !wanted.Roles.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        var toAdd = wanted.Roles.Where(r => !current.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        if (toRemove.Count > 0 && !(result = await users.RemoveFromRolesAsync(user, toRemove)).Succeeded)
        {
            return IdentityErrors.ToResult(result, "Roles");
        }

        if (toAdd.Count > 0 && !(result = await users.AddToRolesAsync(user, toAdd)).Succeeded)
        {
            return IdentityErrors.ToResult(result, "Roles");
        }

        if (rightsChanged)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await transaction.CommitAsync(cancellationToken);
        return AdminResult.Success;
    }

    public async Task<AdminResult> SetEnabledAsync(ClaimsPrincipal actor, string userId, bool enabled, CancellationToken cancellationToken = default)
    {
        var details = await FindAsync(userId, cancellationToken);
        return details is null
            ? AdminResult.Fail("The user does not exist.")
            : await UpdateAsync(actor, userId, new AdminUserUpdate(details.DisplayName, details.Email ?? "", enabled, details.Roles), cancellationToken);
    }

    public async Task<AdminResult> ResetPasswordAsync(ClaimsPrincipal actor, string userId, string newPassword, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AdminResult.Fail("The user does not exist.");
        }

        if (await users.IsInRoleAsync(user, SystemRoles.Administrator) && !await IsAdministratorAsync(actor))
        {
            return AdminResult.Fail("Only an administrator can reset an administrator's password.");
        }

        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (!result.Succeeded)
        {
            return IdentityErrors.ToResult(result, "Password");
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await transaction.CommitAsync(cancellationToken);
        return AdminResult.Success;
    }

    public async Task<AdminResult> UpdateProfileAsync(ClaimsPrincipal actor, AdminProfileUpdate profile, CancellationToken cancellationToken = default)
    {
        var user = await users.GetUserAsync(actor);
        if (user is null)
        {
            return AdminResult.Fail("Your account no longer exists.");
        }

        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        user.DisplayName = Normalize(profile.DisplayName);
        var result = await users.UpdateAsync(user);
        if (result.Succeeded && !string.Equals(user.Email, profile.Email.Trim(), StringComparison.Ordinal))
        {
            result = await users.SetEmailAsync(user, profile.Email.Trim());
        }

        if (!result.Succeeded)
        {
            return IdentityErrors.ToResult(result, "Email");
        }

        await transaction.CommitAsync(cancellationToken);
        return AdminResult.Success;
    }

    public async Task<AdminResult> ChangePasswordAsync(ClaimsPrincipal actor, string currentPassword, string newPassword, CancellationToken cancellationToken = default)
    {
        var user = await users.GetUserAsync(actor);
        if (user is null)
        {
            return AdminResult.Fail("Your account no longer exists.");
        }

        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (result.Succeeded)
        {
            return AdminResult.Success;
        }

        return new AdminResult([.. result.Errors.Select(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)
            ? new AdminError("CurrentPassword", "The current password is not correct.")
            : new AdminError("NewPassword", e.Description))]);
    }

    private async Task<(List<string> Roles, AdminResult? Error)> CheckRolesAsync(IReadOnlyCollection<string> requested, CancellationToken cancellationToken)
    {
        var assignable = await AssignableRolesAsync(cancellationToken);
        var wanted = new List<string>();
        foreach (var name in requested.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var match = assignable.FirstOrDefault(r => string.Equals(r, name, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                return ([], AdminResult.Fail($"'{name}' is not a role that can be assigned.", "Roles"));
            }

            wanted.Add(match);
        }

        return (wanted, null);
    }

    private async Task<bool> IsAdministratorAsync(ClaimsPrincipal actor) =>
        await users.GetUserAsync(actor) is { IsEnabled: true } account && await users.IsInRoleAsync(account, SystemRoles.Administrator);

    private bool IsSelf(ClaimsPrincipal actor, CmsUser user) => string.Equals(users.GetUserId(actor), user.Id, StringComparison.Ordinal);

    private async Task<int> CountEnabledAdministratorsAsync(CancellationToken cancellationToken)
    {
        var administrators = await users.GetUsersInRoleAsync(SystemRoles.Administrator);
        return administrators.Count(u => u.IsEnabled);
    }

    private static bool IsLockedOut(CmsUser user, DateTimeOffset now) => user.LockoutEnd is { } end && end > now;

    private static string? Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"[\\%_]")]
    private static partial Regex LikeEscape();
}
