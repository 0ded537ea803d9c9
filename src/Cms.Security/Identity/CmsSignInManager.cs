using System.Security.Cryptography;
using Cms.Core.Audit;
using Cms.Core.Content;
using Cms.Data.Entities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cms.Security.Identity;

/// <summary>
/// Identity's sign-in manager with the CMS rules: a disabled user cannot sign in and their cookie stops working on
/// the next request; every failed password counts towards lockout, whatever the caller asked for.
/// </summary>
public sealed class CmsSignInManager(
    UserManager<CmsUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<CmsUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<CmsUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<CmsUser> confirmation,
    ILogger<CmsSignInManager> log,
    IAuditLog audit)
    : SignInManager<CmsUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(CmsUser user) =>
        user.IsEnabled && await base.CanSignInAsync(user);

    public override Task<SignInResult> CheckPasswordSignInAsync(CmsUser user, string password, bool lockoutOnFailure) =>
        base.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);

    public override async Task<bool> ValidateSecurityStampAsync(CmsUser? user, string? securityStamp) =>
        user is { IsEnabled: true } && await base.ValidateSecurityStampAsync(user, securityStamp);

    /// <summary>
    /// Signs out and ends every session of the user: the security stamp is renewed, so any copy of the old cookie (in
    /// this browser or another) is refused at its next request.
    /// </summary>
    public override async Task SignOutAsync()
    {
        if (Context.User.Identity?.IsAuthenticated == true && await UserManager.GetUserAsync(Context.User) is { } user)
        {
            await UserManager.UpdateSecurityStampAsync(user);
            log.LogInformation("User {UserId} signed out; every session ended", user.Id);
            await AuditAsync("security.sign-out", user, null);
        }

        await base.SignOutAsync();
    }

    /// <summary>
    /// The one sign-in by password of the admin: a user name or an email. Every failure looks the same from outside
    /// (<see cref="SignInResult.Failed"/> for a made-up name too) and costs the same: when no password was checked
    /// (unknown name, disabled or locked account) a password hash is verified all the same. The log names the matched
    /// user id, or a hash of the typed name, never the typed text (people type passwords into the name box).
    /// </summary>
    public async Task<SignInResult> PasswordSignInByNameOrEmailAsync(string userNameOrEmail, string password, bool isPersistent)
    {
        var typed = userNameOrEmail.Trim();
        var user = await UserManager.FindByNameAsync(typed) ?? (typed.Contains('@', StringComparison.Ordinal) ? await UserManager.FindByEmailAsync(typed) : null);
        if (user is null)
        {
            SpendPasswordCheck(password);
            log.LogInformation("Sign-in failed: no account matches the typed name (hash {NameHash})", SignInRateLimiter.NameHash(typed));
            await AuditAsync("security.sign-in-failed", null, $"No account matches the typed name (hash {SignInRateLimiter.NameHash(typed)}).");
            return SignInResult.Failed;
        }

        var result = await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            log.LogInformation("User {UserId} signed in", user.Id);
            await AuditAsync("security.sign-in", user, null);
            return result;
        }

        if (result.IsLockedOut || result.IsNotAllowed)
        {
            SpendPasswordCheck(password);
        }

        var reason = result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "not allowed" : result.RequiresTwoFactor ? "two-factor required" : "wrong password";
        log.LogInformation("Sign-in failed for user {UserId}: {Reason}", user.Id, reason);
        await AuditAsync(result.RequiresTwoFactor ? "security.sign-in-two-factor" : "security.sign-in-failed", user, reason);
        return result;
    }

    /// <summary>A sign-in attempt in the audit trail: the account it was for (never the typed text or the password) and the address.</summary>
    private Task AuditAsync(string kind, CmsUser? user, string? summary) =>
        audit.WriteAsync(new AuditEntry(kind, AuditTargets.User, user?.Id)
        {
            Summary = summary,
            Actor = new ContentActor(user?.Id, user?.UserName, IsSystem: false) { IpAddress = Context.Connection.RemoteIpAddress?.ToString() },
        });

    private void SpendPasswordCheck(string password)
    {
        var hasher = UserManager.PasswordHasher;
        var hash = LazyInitializer.EnsureInitialized(ref _unusedHash, () => hasher.HashPassword(new CmsUser(), Convert.ToHexString(RandomNumberGenerator.GetBytes(16))));
        hasher.VerifyHashedPassword(new CmsUser(), hash, password);
    }

    private static string? _unusedHash;
}
