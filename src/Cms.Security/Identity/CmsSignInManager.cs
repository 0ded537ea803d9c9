using System.Security.Claims;
using System.Security.Cryptography;
using Cms.Core.Audit;
using Cms.Core.Content;
using Cms.Data.Entities;
using Cms.Security.TwoFactor;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cms.Security.Identity;

/// <summary>
/// Identity's sign-in manager with the CMS rules: a disabled user cannot sign in and their cookie stops working on
/// the next request; every failed password counts towards lockout, whatever the caller asked for. Two-factor sign-in
/// (<see cref="TwoFactorService"/>): after the password, a user who turned it on gives a code (Identity's two-factor
/// step), and a user whose role requires it but who has not set it up is only allowed to enrol; a session of such a
/// user is refused at its next request.
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
    IAuditLog audit,
    TwoFactorService twoFactor)
    : SignInManager<CmsUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(CmsUser user) =>
        user.IsEnabled && await base.CanSignInAsync(user);

    public override Task<SignInResult> CheckPasswordSignInAsync(CmsUser user, string password, bool lockoutOnFailure) =>
        base.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);

    public override async Task<bool> ValidateSecurityStampAsync(CmsUser? user, string? securityStamp) =>
        user is { IsEnabled: true } && await base.ValidateSecurityStampAsync(user, securityStamp);

    /// <summary>
    /// The check of every request's cookie: the security stamp, the enabled flag, and two-factor sign-in when one of the
    /// session's roles requires it (a session opened before the requirement, or before an administrator's reset, ends).
    /// </summary>
    public override async Task<CmsUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { TwoFactorEnabled: false } && twoFactor.IsRequiredFor(principal!.GetRoleNames()) ? null : user;
    }

    /// <summary>
    /// After a right password: a user whose role requires two-factor sign-in but who has not set it up gets only the
    /// enrolment cookie (<see cref="TwoFactorEnrolmentRequired"/>); everyone else goes on as Identity does (the second
    /// step when two-factor sign-in is on, unless this device was remembered).
    /// </summary>
    protected override async Task<SignInResult> SignInOrTwoFactorAsync(CmsUser user, bool isPersistent, string? loginProvider = null, bool bypassTwoFactor = false)
    {
        if (!bypassTwoFactor && await twoFactor.MustEnrolAsync(user))
        {
            var identity = new ClaimsIdentity(CmsAuthenticationSchemes.TwoFactorEnrolment);
            identity.AddClaim(new Claim(ClaimTypes.Name, user.Id));
            identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, user.Id));
            identity.AddClaim(new Claim(EnrolmentStampClaim, await UserManager.GetSecurityStampAsync(user)));
            identity.AddClaim(new Claim(EnrolmentPersistentClaim, isPersistent ? "true" : "false"));
            await Context.SignInAsync(CmsAuthenticationSchemes.TwoFactorEnrolment, new ClaimsPrincipal(identity));
            return TwoFactorEnrolmentRequired.Instance;
        }

        return await base.SignInOrTwoFactorAsync(user, isPersistent, loginProvider, bypassTwoFactor);
    }

    /// <summary>
    /// The user who gave a right password but must set up two-factor sign-in first (see
    /// <see cref="TwoFactorEnrolmentRequired"/>), or null when there is none (expired, signed out, account changed).
    /// </summary>
    public async Task<(CmsUser User, bool IsPersistent)?> GetPendingEnrolmentAsync()
    {
        var result = await Context.AuthenticateAsync(CmsAuthenticationSchemes.TwoFactorEnrolment);
        if (!result.Succeeded || result.Principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id || await UserManager.FindByIdAsync(id) is not { } user)
        {
            return null;
        }

        var stamp = await UserManager.GetSecurityStampAsync(user);
        return user.IsEnabled && !user.TwoFactorEnabled && string.Equals(result.Principal.FindFirstValue(EnrolmentStampClaim), stamp, StringComparison.Ordinal)
            ? (user, result.Principal.HasClaim(EnrolmentPersistentClaim, "true"))
            : null;
    }

    /// <summary>Signs in a user who has just turned two-factor sign-in on from the enrolment step (audited).</summary>
    public async Task CompleteEnrolmentAsync(CmsUser user, bool isPersistent)
    {
        if (!user.TwoFactorEnabled)
        {
            throw new InvalidOperationException("Two-factor sign-in must be on before the enrolment completes the sign-in.");
        }

        await Context.SignOutAsync(CmsAuthenticationSchemes.TwoFactorEnrolment);
        await SignInWithClaimsAsync(user, isPersistent, [new Claim("amr", "mfa")]);
        log.LogInformation("User {UserId} set up two-factor sign-in and signed in", user.Id);
        await AuditAsync("security.sign-in", user, "Signed in after setting up two-factor sign-in.");
    }

    /// <summary>
    /// The second step of the admin sign-in: a code from the authenticator app (six digits) or a recovery code (used
    /// once). Every failure looks the same from outside and counts towards lockout; the audit trail records success and
    /// failure against the account. <paramref name="rememberDevice"/> skips the step on this browser next time (until
    /// the account's security stamp changes).
    /// </summary>
    public async Task<SignInResult> SecondStepSignInAsync(string code, bool isPersistent, bool rememberDevice)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            log.LogInformation("Second sign-in step refused: no pending sign-in (expired or never started)");
            await AuditAsync("security.sign-in-failed", null, "Second step without a pending sign-in.");
            return SignInResult.Failed;
        }

        var typed = TwoFactorService.NormalizeCode(code).ToUpperInvariant();
        var byApp = typed.Length == 6 && typed.All(char.IsAsciiDigit);
        SignInResult result;
        if (byApp)
        {
            result = await TwoFactorAuthenticatorSignInAsync(typed, isPersistent, rememberDevice);
        }
        else if (!await CanSignInAsync(user) || await UserManager.IsLockedOutAsync(user))
        {
            result = SignInResult.NotAllowed;
        }
        else
        {
            // Recovery codes are stored as XXXXX-XXXXX; people may type them without the hyphen.
            result = await TwoFactorRecoveryCodeSignInAsync(typed.Length == 10 ? typed.Insert(5, "-") : typed);
            if (!result.Succeeded)
            {
                await UserManager.AccessFailedAsync(user);
            }
        }

        var method = byApp ? "authenticator code" : "recovery code";
        if (result.Succeeded)
        {
            log.LogInformation("User {UserId} signed in with a {Method}", user.Id, method);
            await AuditAsync("security.sign-in", user, byApp
                ? "Second step: authenticator code."
                : $"Second step: recovery code ({await UserManager.CountRecoveryCodesAsync(user)} left).");
            return result;
        }

        var reason = result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "not allowed" : $"wrong {method}";
        log.LogInformation("Second sign-in step failed for user {UserId}: {Reason}", user.Id, reason);
        await AuditAsync("security.sign-in-failed", user, "Second step: " + reason);
        return result;
    }

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

        if (result.RequiresTwoFactor || result is TwoFactorEnrolmentRequired)
        {
            var step = result.RequiresTwoFactor ? "second step required" : "two-factor enrolment required";
            log.LogInformation("Password accepted for user {UserId}: {Step}", user.Id, step);
            await AuditAsync("security.sign-in-two-factor", user, step);
            return result;
        }

        var reason = result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "not allowed" : "wrong password";
        log.LogInformation("Sign-in failed for user {UserId}: {Reason}", user.Id, reason);
        await AuditAsync("security.sign-in-failed", user, reason);
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

    private const string EnrolmentStampClaim = "cms:enrolment-stamp";
    private const string EnrolmentPersistentClaim = "cms:enrolment-persistent";

    private static string? _unusedHash;
}
