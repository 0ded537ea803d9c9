using System.Security.Claims;
using Cms.Core.Storage;
using Cms.Data;
using Cms.Data.Entities;
using Cms.Security.Administration;
using Cms.Security.Identity;
using Cms.Security.Permissions;
using Cms.Security.TwoFactor;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using CorePermissions = Cms.Core.Security.Permissions;

namespace Cms.Security.Users;

/// <summary>
/// Users for the admin screens. Every method demands <c>ManageUsers</c> of <paramref name="caller"/>s; only an
/// Administrator may touch an Administrator account or the Administrator role; the last enabled Administrator
/// cannot be disabled, deleted or removed from the role; nobody disables or deletes themselves. Disabling a user or
/// changing their roles renews their security stamp, so their cookie is refused on the next request, and disabling
/// also revokes their tokens.
/// </summary>
public sealed class UserAdministration(
    UserManager<CmsUser> users,
    RoleManager<CmsRole> roles,
    CmsDbContext db,
    IPermissionService permissions,
    IUnitOfWork unitOfWork,
    IOpenIddictTokenManager tokens,
    IOpenIddictAuthorizationManager authorizations,
    TimeProvider clock,
    TwoFactorService twoFactor,
    ILogger<UserAdministration> logger)
{
    public async Task<PagedResult<UserSummary>> SearchAsync(ClaimsPrincipal caller, UserSearch search, CancellationToken cancellationToken = default)
    {
        await permissions.DemandAsync(caller, CorePermissions.ManageUsers, cancellationToken);
        var pageSize = Math.Clamp(search.PageSize, 1, UserSearch.MaxPageSize);
        var page = Math.Max(1, search.Page);
        var query = db.Users.AsNoTracking();
        if (search.Text?.Trim() is { Length: > 0 } text)
        {
            var upper = text.ToUpperInvariant();
#pragma warning disable CA1862 // Translated to SQL: upper() on both sides is the portable case-insensitive match.
            query = query.Where(u => u.NormalizedUserName!.Contains(upper) || u.NormalizedEmail!.Contains(upper) || (u.DisplayName != null && u.DisplayName.ToUpper().Contains(upper)));
#pragma warning restore CA1862
        }

        if (search.Role?.Trim() is { Length: > 0 } role)
        {
            var normalizedRole = role.ToUpperInvariant();
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == normalizedRole)));
        }

        var total = await query.CountAsync(cancellationToken);
        var pageUsers = await query.OrderBy(u => u.NormalizedUserName).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var rolesByUser = await RolesOfAsync(pageUsers.Select(u => u.Id).ToList(), cancellationToken);
        return new PagedResult<UserSummary>([.. pageUsers.Select(u => ToSummary(u, rolesByUser))], total, page, pageSize);
    }

    public async Task<UserSummary?> GetAsync(ClaimsPrincipal caller, string userId, CancellationToken cancellationToken = default)
    {
        await permissions.DemandAsync(caller, CorePermissions.ManageUsers, cancellationToken);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        return user is null ? null : ToSummary(user, await RolesOfAsync([user.Id], cancellationToken));
    }

    public async Task<AdminResult<UserSummary>> CreateAsync(ClaimsPrincipal caller, NewUser input, CancellationToken cancellationToken = default)
    {
        await permissions.DemandAsync(caller, CorePermissions.ManageUsers, cancellationToken);
        var roleNames = input.Roles.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var roleCheck = await CheckAssignableRolesAsync(caller, roleNames, cancellationToken);
        if (!roleCheck.Succeeded)
        {
            return roleCheck.As<UserSummary>();
        }

        var user = new CmsUser
        {
            UserName = input.UserName.Trim(),
            Email = input.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(input.DisplayName) ? input.UserName.Trim() : input.DisplayName.Trim(),
            IsEnabled = input.IsEnabled,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };

        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        var created = await users.CreateAsync(user, input.Password);
        if (!created.Succeeded)
        {
            return AdminResult.Fail<UserSummary>(ToErrors(created));
        }

        if (roleNames.Count > 0)
        {
            var added = await users.AddToRolesAsync(user, roleNames);
            if (!added.Succeeded)
            {
                return AdminResult.Fail<UserSummary>(ToErrors(added, "Roles"));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("User {UserName} ({UserId}) created by {Caller} with roles {Roles}", user.UserName, user.Id, caller.GetActorName(), roleNames);
        return AdminResult.Ok(ToSummary(user, new Dictionary<string, List<string>> { [user.Id] = roleNames }));
    }

    /// <summary>Changes the display name and email only (see <see cref="UserProfileUpdate"/>).</summary>
    public async Task<AdminResult> UpdateProfileAsync(ClaimsPrincipal caller, string userId, UserProfileUpdate input, CancellationToken cancellationToken = default)
    {
        await permissions.DemandAsync(caller, CorePermissions.ManageUsers, cancellationToken);
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return AdminResult.Missing("The user");
        }

        if (await RequireAdministratorForAsync(caller, user) is { } refused)
        {
            return refused;
        }

        return await WriteProfileAsync(user, input, cancellationToken);
    }

    public async Task<AdminResult> SetEnabledAsync(ClaimsPrincipal caller, string userId, bool enabled, CancellationToken cancellationToken = default)
    {
        await permissions.DemandAsync(caller, CorePermissions.ManageUsers, cancellationToken);
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return AdminResult.Missing("The user");
        }

        if (await RequireAdministratorForAsync(caller, user) is { } refused)
        {
            return refused;
        }

        if (user.IsEnabled == enabled)
        {
            return AdminResult.Ok();
        }

        if (!enabled)
        {
            if (string.Equals(caller.GetActorId(), user.Id, StringComparison.Ordinal))
            {
                return AdminResult.Fail("IsEnabled", "You cannot disable your own account.");
            }

            if (await IsLastEnabledAdministratorAsync(user, cancellationToken))
            {
                return AdminResult.Fail("IsEnabled", "This is the last enabled administrator: enable or appoint another administrator first.");
            }
        }

        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        user.IsEnabled = enabled;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return AdminResult.Fail(ToErrors(updated));
        }

        await users.UpdateSecurityStampAsync(user);
        if (!enabled)
        {
            await RevokeTokensAsync(user.Id, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("User {UserName} ({UserId}) {Change} by {Caller}", user.UserName, user.Id, enabled ? "enabled" : "disabled", caller.GetActorName());
        return AdminResult.Ok();
    }

    /// <summary>Makes the user's roles exactly <paramref name="roleNames"/>.</summary>
    public async Task<AdminResult> SetRolesAsync(ClaimsPrincipal caller, string userId, IReadOnlyCollection<string> roleNames, CancellationToken cancellationToken = default)
    {
        await permissions.DemandAsync(caller, CorePermissions.ManageUsers, cancellationToken);
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return AdminResult.Missing("The user");
        }

        if (await RequireAdministratorForAsync(caller, user) is { } refused)
        {
            return refused;
        }

        var wanted = roleNames.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var current = await users.GetRolesAsync(user);
        var toRemove = current.Where(r => !wanted.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        var toAdd = wanted.Where(r => !current.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        if (toRemove.Count == 0 && toAdd.Count == 0)
        {
            return AdminResult.Ok();
        }

        var check = await CheckAssignableRolesAsync(caller, toAdd, cancellationToken);
        if (!check.Succeeded)
        {
            return check;
        }

        if (toRemove.Any(CmsRoles.IsAdministrator))
        {
            if (!IsAdministrator(caller))
            {
                return AdminResult.Fail("Roles", "Only an administrator can remove someone from the Administrator role.");
            }

            if (await IsLastEnabledAdministratorAsync(user, cancellationToken))
            {
                return AdminResult.Fail("Roles", "This is the last enabled administrator: the Administrator role cannot be removed from them.");
            }
        }

        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        if (toRemove.Count > 0)
        {
            var removed = await users.RemoveFromRolesAsync(user, toRemove);
            if (!removed.Succeeded)
            {
                return AdminResult.Fail(ToErrors(removed, "Roles"));
            }
        }

        if (toAdd.Count > 0)
        {
            var added = await users.AddToRolesAsync(user, toAdd);
            if (!added.Succeeded)
            {
                return AdminResult.Fail(ToErrors(added, "Roles"));
            }
        }

        await users.UpdateSecurityStampAsync(user);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Roles of {UserName} ({UserId}) set to {Roles} by {Caller}", user.UserName, user.Id, wanted, caller.GetActorName());
        return AdminResult.Ok();
    }

    /// <summary>Sets a new password (checked against the password policy), clears any lockout and signs the user out everywhere.</summary>
    public async Task<AdminResult> ResetPasswordAsync(ClaimsPrincipal caller, string userId, string newPassword, CancellationToken cancellationToken = default)
    {
        await permissions.DemandAsync(caller, CorePermissions.ManageUsers, cancellationToken);
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return AdminResult.Missing("The user");
        }

        if (await RequireAdministratorForAsync(caller, user) is { } refused)
        {
            return refused;
        }

        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, newPassword);
        if (!reset.Succeeded)
        {
            return AdminResult.Fail(ToErrors(reset, "Password"));
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await RevokeTokensAsync(user.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Password of {UserName} ({UserId}) reset by {Caller}", user.UserName, user.Id, caller.GetActorName());
        return AdminResult.Ok();
    }

    /// <summary>
    /// The roles a user or an API client can be given (Anonymous and Authenticated apply by themselves and are not
    /// listed), for callers who manage users or API clients.
    /// </summary>
    public async Task<IReadOnlyList<string>> AssignableRolesAsync(ClaimsPrincipal caller, CancellationToken cancellationToken = default)
    {
        if (!await permissions.HasPermissionAsync(caller, CorePermissions.ManageOpenIdApplications, cancellationToken))
        {
            await permissions.DemandAsync(caller, CorePermissions.ManageUsers, cancellationToken);
        }

        var names = await roles.Roles.AsNoTracking().Select(r => r.Name!).ToListAsync(cancellationToken);
        return [.. names.Where(n => !CmsRoles.IsImplicit(n)).Order(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The display name and email of a profile, for an administrator's change and a user's own alike.</summary>
    private async Task<AdminResult> WriteProfileAsync(CmsUser user, UserProfileUpdate input, CancellationToken cancellationToken)
    {
        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        user.DisplayName = string.IsNullOrWhiteSpace(input.DisplayName) ? user.UserName : input.DisplayName.Trim();
        if (!string.Equals(user.Email, input.Email?.Trim(), StringComparison.Ordinal))
        {
            var email = await users.SetEmailAsync(user, input.Email?.Trim());
            if (!email.Succeeded)
            {
                return AdminResult.Fail(ToErrors(email, "Email"));
            }

            user.EmailConfirmed = true;
        }

        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return AdminResult.Fail(ToErrors(updated));
        }

        await transaction.CommitAsync(cancellationToken);
        return AdminResult.Ok();
    }

    /// <summary>The signed-in user's own account (any signed-in user; no ManageUsers needed).</summary>
    public async Task<UserSummary?> GetOwnAsync(ClaimsPrincipal caller, CancellationToken cancellationToken = default)
    {
        var id = users.GetUserId(caller);
        var user = id is null ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        return user is null ? null : ToSummary(user, await RolesOfAsync([user.Id], cancellationToken));
    }

    /// <summary>The signed-in user changes their own display name and email, nothing else.</summary>
    public async Task<AdminResult> UpdateOwnProfileAsync(ClaimsPrincipal caller, UserProfileUpdate input, CancellationToken cancellationToken = default)
    {
        if (await users.GetUserAsync(caller) is not { IsEnabled: true } user)
        {
            return AdminResult.Missing("Your account");
        }

        return await WriteProfileAsync(user, input, cancellationToken);
    }

    /// <summary>
    /// The signed-in user changes their own password (the current one is required). The security stamp is renewed, so
    /// the user's other sessions end; their tokens are revoked.
    /// </summary>
    public async Task<AdminResult> ChangeOwnPasswordAsync(ClaimsPrincipal caller, string currentPassword, string newPassword, CancellationToken cancellationToken = default)
    {
        if (await users.GetUserAsync(caller) is not { IsEnabled: true } user)
        {
            return AdminResult.Missing("Your account");
        }

        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        var changed = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!changed.Succeeded)
        {
            return AdminResult.Fail([.. changed.Errors.Select(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)
                ? new AdminError("CurrentPassword", "The current password is not correct.")
                : new AdminError("NewPassword", e.Description))]);
        }

        await RevokeTokensAsync(user.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("User {UserId} changed their password", user.Id);
        return AdminResult.Ok();
    }

    /// <summary>Lifts a lockout after failed sign-ins (and forgets the failures), so the user can sign in again at once.</summary>
    public async Task<AdminResult> UnlockAsync(ClaimsPrincipal caller, string userId, CancellationToken cancellationToken = default)
    {
        await permissions.DemandAsync(caller, CorePermissions.ManageUsers, cancellationToken);
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return AdminResult.Missing("The user");
        }

        if (await RequireAdministratorForAsync(caller, user) is { } refused)
        {
            return refused;
        }

        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Lockout of {UserName} ({UserId}) lifted by {Caller}", user.UserName, user.Id, caller.GetActorName());
        return AdminResult.Ok();
    }

    /// <summary>
    /// Turns off a user's two-factor sign-in and forgets their authenticator key and recovery codes (they lost their
    /// phone): every session of theirs ends and their tokens are revoked; audited. If their role requires two-factor
    /// sign-in, they set it up again at their next sign-in.
    /// </summary>
    public async Task<AdminResult> ResetTwoFactorAsync(ClaimsPrincipal caller, string userId, CancellationToken cancellationToken = default)
    {
        await permissions.DemandAsync(caller, CorePermissions.ManageUsers, cancellationToken);
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return AdminResult.Missing("The user");
        }

        if (await RequireAdministratorForAsync(caller, user) is { } refused)
        {
            return refused;
        }

        if (!user.TwoFactorEnabled)
        {
            return AdminResult.Fail("", $"{user.UserName} does not use two-factor sign-in.");
        }

        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        await twoFactor.ForgetAsync(user);
        await RevokeTokensAsync(user.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Two-factor sign-in of {UserName} ({UserId}) reset by {Caller}", user.UserName, user.Id, caller.GetActorName());
        return AdminResult.Ok();
    }

    public async Task<AdminResult> DeleteAsync(ClaimsPrincipal caller, string userId, CancellationToken cancellationToken = default)
    {
        await permissions.DemandAsync(caller, CorePermissions.ManageUsers, cancellationToken);
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return AdminResult.Missing("The user");
        }

        if (await RequireAdministratorForAsync(caller, user) is { } refused)
        {
            return refused;
        }

        if (string.Equals(caller.GetActorId(), user.Id, StringComparison.Ordinal))
        {
            return AdminResult.Fail("", "You cannot delete your own account.");
        }

        if (await IsLastEnabledAdministratorAsync(user, cancellationToken))
        {
            return AdminResult.Fail("", "This is the last enabled administrator and cannot be deleted.");
        }

        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        await RevokeTokensAsync(user.Id, cancellationToken);
        var deleted = await users.DeleteAsync(user);
        if (!deleted.Succeeded)
        {
            return AdminResult.Fail(ToErrors(deleted));
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("User {UserName} ({UserId}) deleted by {Caller}", user.UserName, user.Id, caller.GetActorName());
        return AdminResult.Ok();
    }

    /// <summary>Roles a user can be given: existing, not implicit, and Administrator only by an administrator.</summary>
    private async Task<AdminResult> CheckAssignableRolesAsync(ClaimsPrincipal caller, IReadOnlyCollection<string> roleNames, CancellationToken cancellationToken)
    {
        var errors = new List<AdminError>();
        foreach (var role in roleNames)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (CmsRoles.IsImplicit(role))
            {
                errors.Add(new AdminError("Roles", $"'{role}' applies by itself and cannot be assigned."));
            }
            else if (!await roles.RoleExistsAsync(role))
            {
                errors.Add(new AdminError("Roles", $"The role '{role}' does not exist."));
            }
            else if (CmsRoles.IsAdministrator(role) && !IsAdministrator(caller))
            {
                errors.Add(new AdminError("Roles", "Only an administrator can give someone the Administrator role."));
            }
        }

        return errors.Count == 0 ? AdminResult.Ok() : AdminResult.Fail(errors);
    }

    private async Task<AdminResult?> RequireAdministratorForAsync(ClaimsPrincipal caller, CmsUser target) =>
        !IsAdministrator(caller) && await users.IsInRoleAsync(target, CmsRoles.Administrator)
            ? AdminResult.Fail("", "Only an administrator can change an administrator's account.")
            : null;

    private bool IsAdministrator(ClaimsPrincipal caller) => permissions.GetEffectiveRoles(caller).Contains(CmsRoles.Administrator);

    private async Task<bool> IsLastEnabledAdministratorAsync(CmsUser user, CancellationToken cancellationToken)
    {
        if (!user.IsEnabled || !await users.IsInRoleAsync(user, CmsRoles.Administrator))
        {
            return false;
        }

        var normalized = CmsRoles.Administrator.ToUpperInvariant();
        var others = await db.Users.CountAsync(
            u => u.Id != user.Id && u.IsEnabled && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == normalized)),
            cancellationToken);
        return others == 0;
    }

    private async Task RevokeTokensAsync(string userId, CancellationToken cancellationToken)
    {
        await tokens.RevokeBySubjectAsync(userId, cancellationToken);
        await authorizations.RevokeBySubjectAsync(userId, cancellationToken);
    }

    private async Task<Dictionary<string, List<string>>> RolesOfAsync(List<string> userIds, CancellationToken cancellationToken)
    {
        var pairs = await (
                from userRole in db.UserRoles.AsNoTracking()
                join role in db.Roles.AsNoTracking() on userRole.RoleId equals role.Id
                where userIds.Contains(userRole.UserId)
                select new { userRole.UserId, role.Name })
            .ToListAsync(cancellationToken);
        return pairs.GroupBy(p => p.UserId).ToDictionary(g => g.Key, g => g.Select(p => p.Name!).Order(StringComparer.OrdinalIgnoreCase).ToList());
    }

    private UserSummary ToSummary(CmsUser user, Dictionary<string, List<string>> rolesByUser) => new(
        user.Id,
        user.UserName!,
        user.Email,
        user.DisplayName,
        user.IsEnabled,
        user.LockoutEnd is { } end && end > clock.GetUtcNow(),
        rolesByUser.TryGetValue(user.Id, out var names) ? names : [],
        user.CreatedUtc)
    {
        IsTwoFactorEnabled = user.TwoFactorEnabled,
    };

    private static List<AdminError> ToErrors(IdentityResult result, string? field = null) =>
        [.. result.Errors.Select(e => new AdminError(field ?? FieldOf(e.Code), e.Description))];

    private static string FieldOf(string code) => code switch
    {
        _ when code.StartsWith("Password", StringComparison.Ordinal) => "Password",
        _ when code.Contains("UserName", StringComparison.Ordinal) => "UserName",
        _ when code.Contains("Email", StringComparison.Ordinal) => "Email",
        _ when code.Contains("Role", StringComparison.Ordinal) => "Roles",
        _ => "",
    };
}
