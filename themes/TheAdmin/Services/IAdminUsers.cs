using System.Security.Claims;

namespace Cms.Admin.Services;

/// <summary>
/// What the admin pages need to manage users. <c>actor</c> is the signed-in user doing the change, so that the
/// implementation can refuse what they may not do (only an administrator grants the Administrator role or
/// changes an administrator; nobody disables themselves; the last administrator stays).
/// </summary>
public interface IAdminUsers
{
    Task<AdminPage<AdminUserSummary>> SearchAsync(string? search, int page, int pageSize, CancellationToken cancellationToken = default);

    Task<AdminUserDetails?> FindAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>The roles a user can be put in (Anonymous and Authenticated are implicit and not listed).</summary>
    Task<IReadOnlyList<string>> AssignableRolesAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates the user; the value is the new user's id.</summary>
    Task<AdminResult<string>> CreateAsync(ClaimsPrincipal actor, AdminNewUser user, CancellationToken cancellationToken = default);

    Task<AdminResult> UpdateAsync(ClaimsPrincipal actor, string userId, AdminUserUpdate update, CancellationToken cancellationToken = default);

    Task<AdminResult> SetEnabledAsync(ClaimsPrincipal actor, string userId, bool enabled, CancellationToken cancellationToken = default);

    /// <summary>Sets a new password chosen by the administrator and lifts a lockout.</summary>
    Task<AdminResult> ResetPasswordAsync(ClaimsPrincipal actor, string userId, string newPassword, CancellationToken cancellationToken = default);

    /// <summary>Lifts a lockout after failed sign-ins, so the user can sign in again at once (audited).</summary>
    Task<AdminResult> UnlockAsync(ClaimsPrincipal actor, string userId, CancellationToken cancellationToken = default);

    /// <summary>Turns off the user's two-factor sign-in (they lost their phone): their sessions end and their tokens are revoked; audited.</summary>
    Task<AdminResult> ResetTwoFactorAsync(ClaimsPrincipal actor, string userId, CancellationToken cancellationToken = default);

    /// <summary>The signed-in user's own profile: display name and email only.</summary>
    Task<AdminResult> UpdateProfileAsync(ClaimsPrincipal actor, AdminProfileUpdate profile, CancellationToken cancellationToken = default);

    Task<AdminResult> ChangePasswordAsync(ClaimsPrincipal actor, string currentPassword, string newPassword, CancellationToken cancellationToken = default);
}
