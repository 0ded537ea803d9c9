using System.Security.Claims;
using Cms.Core.Storage;
using Cms.Security.Users;
using Microsoft.AspNetCore.Http;
using SecurityResult = Cms.Security.Administration.AdminResult;

namespace Cms.Admin.Services;

/// <summary>
/// The user screens on the security capability's <see cref="UserAdministration"/>: the same rules as every other entry
/// point (who may touch administrators, the last administrator, token revocation on disable and password reset).
/// The acting user is the request's. An edit that changes profile, roles and the enabled flag commits all or nothing.
/// </summary>
public sealed class SecurityAdminUsers(UserAdministration users, IUnitOfWork unitOfWork, IHttpContextAccessor http) : IAdminUsers
{
    private ClaimsPrincipal Caller => http.HttpContext?.User ?? throw new InvalidOperationException("Users are managed within a request.");

    public async Task<AdminPage<AdminUserSummary>> SearchAsync(string? search, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var result = await users.SearchAsync(Caller, new UserSearch { Text = search, Page = page, PageSize = pageSize }, cancellationToken);
        return new AdminPage<AdminUserSummary>([.. result.Items.Select(Summary)], result.Page, result.PageSize, result.Total);
    }

    public async Task<AdminUserDetails?> FindAsync(string userId, CancellationToken cancellationToken = default)
    {
        var user = await users.GetOwnAsync(Caller, cancellationToken) is { } own && own.Id == userId
            ? own
            : await users.GetAsync(Caller, userId, cancellationToken);
        return user is null ? null : new AdminUserDetails(user.Id, user.UserName, user.DisplayName, user.Email, user.IsEnabled, user.IsLockedOut, user.CreatedUtc, user.Roles)
        {
            IsTwoFactorEnabled = user.IsTwoFactorEnabled,
        };
    }

    public Task<IReadOnlyList<string>> AssignableRolesAsync(CancellationToken cancellationToken = default) =>
        users.AssignableRolesAsync(Caller, cancellationToken);

    public async Task<AdminResult<string>> CreateAsync(ClaimsPrincipal actor, AdminNewUser user, CancellationToken cancellationToken = default)
    {
        var result = await users.CreateAsync(actor, new NewUser
        {
            UserName = user.UserName.Trim(),
            Email = user.Email.Trim(),
            DisplayName = user.DisplayName,
            Password = user.Password,
            Roles = [.. user.Roles],
            IsEnabled = user.IsEnabled,
        }, cancellationToken);
        return result.Succeeded ? AdminResult.Ok(result.Value!.Id) : Errors(result).As<string>();
    }

    public async Task<AdminResult> UpdateAsync(ClaimsPrincipal actor, string userId, AdminUserUpdate update, CancellationToken cancellationToken = default)
    {
        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        foreach (var step in new Func<Task<SecurityResult>>[]
        {
            () => users.UpdateProfileAsync(actor, userId, new UserProfileUpdate { DisplayName = update.DisplayName, Email = update.Email }, cancellationToken),
            () => users.SetRolesAsync(actor, userId, update.Roles, cancellationToken),
            () => users.SetEnabledAsync(actor, userId, update.IsEnabled, cancellationToken),
        })
        {
            var result = await step();
            if (!result.Succeeded)
            {
                return Errors(result);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return AdminResult.Success;
    }

    public async Task<AdminResult> SetEnabledAsync(ClaimsPrincipal actor, string userId, bool enabled, CancellationToken cancellationToken = default) =>
        Errors(await users.SetEnabledAsync(actor, userId, enabled, cancellationToken));

    public async Task<AdminResult> ResetPasswordAsync(ClaimsPrincipal actor, string userId, string newPassword, CancellationToken cancellationToken = default) =>
        Errors(await users.ResetPasswordAsync(actor, userId, newPassword, cancellationToken));

    public async Task<AdminResult> UnlockAsync(ClaimsPrincipal actor, string userId, CancellationToken cancellationToken = default) =>
        Errors(await users.UnlockAsync(actor, userId, cancellationToken));

    public async Task<AdminResult> ResetTwoFactorAsync(ClaimsPrincipal actor, string userId, CancellationToken cancellationToken = default) =>
        Errors(await users.ResetTwoFactorAsync(actor, userId, cancellationToken));

    public async Task<AdminResult> UpdateProfileAsync(ClaimsPrincipal actor, AdminProfileUpdate profile, CancellationToken cancellationToken = default) =>
        Errors(await users.UpdateOwnProfileAsync(actor, new UserProfileUpdate { DisplayName = profile.DisplayName, Email = profile.Email }, cancellationToken));

    public async Task<AdminResult> ChangePasswordAsync(ClaimsPrincipal actor, string currentPassword, string newPassword, CancellationToken cancellationToken = default) =>
        Errors(await users.ChangeOwnPasswordAsync(actor, currentPassword, newPassword, cancellationToken));

    private static AdminUserSummary Summary(UserSummary user) =>
        new(user.Id, user.UserName, user.DisplayName, user.Email, user.IsEnabled, user.IsLockedOut, user.CreatedUtc, user.Roles);

    private static AdminResult Errors(SecurityResult result) => SecurityResults.ToAdmin(result);
}
