using System.Globalization;
using Cms.Core.Audit;
using Cms.Core.Storage;
using Cms.Data.Entities;
using Cms.Security.Administration;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Cms.Security.TwoFactor;

/// <summary>
/// Two-factor sign-in with an authenticator app (TOTP, ASP.NET Core Identity's authenticator key and recovery codes):
/// who must use it (<c>Cms:Security:RequireTwoFactorForRoles</c>), setting it up (QR code and key, confirmed with a
/// code, then ten recovery codes shown once), turning it off and new recovery codes. The profile page, the enrolment
/// step of the sign-in, the sign-in manager, the token endpoint and the administrators' reset all ask this service;
/// none holds its own copy of the rule. Turning it on or off renews the security stamp: the user's other sessions end.
/// </summary>
public sealed class TwoFactorService(
    UserManager<CmsUser> users,
    IUserStore<CmsUser> store,
    IOptionsMonitor<TwoFactorOptions> options,
    IUnitOfWork unitOfWork,
    IAuditLog audit,
    ILogger<TwoFactorService> logger)
{
    public const int RecoveryCodeCount = 10;

    /// <summary>The name authenticator apps show next to the account.</summary>
    public const string Issuer = "Newsroom CMS";

    public const string WrongCodeMessage = "The code is not correct or has expired: enter the code your authenticator app shows now.";

    // Where Identity's user store keeps its own tokens (the authenticator key, the recovery codes).
    private const string IdentityTokenProvider = "[AspNetUserStore]";

    /// <summary>True when one of <paramref name="roles"/> is in <c>Cms:Security:RequireTwoFactorForRoles</c>.</summary>
    public bool IsRequiredFor(IEnumerable<string> roles)
    {
        var required = options.CurrentValue.RequireTwoFactorForRoles;
        return required.Count > 0 && roles.Any(role => required.Contains(role, StringComparer.OrdinalIgnoreCase));
    }

    public async Task<bool> IsRequiredAsync(CmsUser user) =>
        options.CurrentValue.RequireTwoFactorForRoles.Count > 0 && IsRequiredFor(await users.GetRolesAsync(user));

    /// <summary>The user's role requires two-factor sign-in and they have not set it up: they may do nothing but enrol.</summary>
    public async Task<bool> MustEnrolAsync(CmsUser user) => !user.TwoFactorEnabled && await IsRequiredAsync(user);

    public async Task<TwoFactorStatus> GetStatusAsync(CmsUser user) =>
        new(user.TwoFactorEnabled, await IsRequiredAsync(user), user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0);

    /// <summary>
    /// The key and QR code to scan, for a user who has not turned two-factor sign-in on (null once it is on). The key
    /// is made once and kept until it is confirmed, so reloading the page does not invalidate a scanned code.
    /// </summary>
    public async Task<AuthenticatorSetup?> GetSetupAsync(CmsUser user, CancellationToken cancellationToken = default)
    {
        if (user.TwoFactorEnabled)
        {
            return null;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Through the store, not UserManager.ResetAuthenticatorKeyAsync: a key nobody confirmed yet changes nothing
            // about the user's sessions, so the security stamp stays.
            key = users.GenerateNewAuthenticatorKey();
            await KeyStore.SetAuthenticatorKeyAsync(user, key, cancellationToken);
            var saved = await users.UpdateAsync(user);
            if (!saved.Succeeded)
            {
                throw new InvalidOperationException($"The authenticator key could not be saved: {string.Join(" ", saved.Errors.Select(e => e.Description))}");
            }
        }

        var uri = string.Create(CultureInfo.InvariantCulture, $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.UserName ?? user.Id)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6");
        return new AuthenticatorSetup(FormatKey(key), uri, QrCodeDataUri(uri));
    }

    /// <summary>Turns two-factor sign-in on once <paramref name="code"/> proves the app has the key; the value is the recovery codes, shown once.</summary>
    public async Task<AdminResult<IReadOnlyList<string>>> EnableAsync(CmsUser user, string? code, CancellationToken cancellationToken = default)
    {
        if (user.TwoFactorEnabled)
        {
            return Fail<IReadOnlyList<string>>("", "Two-factor sign-in is already on.");
        }

        if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)) || !await VerifyCodeAsync(user, code))
        {
            return Fail<IReadOnlyList<string>>("Code", WrongCodeMessage);
        }

        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("User {UserId} turned two-factor sign-in on", user.Id);
        return AdminResult.Ok<IReadOnlyList<string>>([.. codes ?? []]);
    }

    /// <summary>
    /// Turns two-factor sign-in off, with the current password or a code from the app (a wrong one counts towards
    /// lockout, like a wrong sign-in). Refused while one of the user's roles requires it.
    /// </summary>
    public async Task<AdminResult> DisableAsync(CmsUser user, string? password, string? code, CancellationToken cancellationToken = default)
    {
        if (!user.TwoFactorEnabled)
        {
            return AdminResult.Fail("", "Two-factor sign-in is not on.");
        }

        if (await IsRequiredAsync(user))
        {
            return AdminResult.Fail("", "Two-factor sign-in is required for your role and cannot be turned off. Lost your phone? Sign in with a recovery code, or ask an administrator to reset it.");
        }

        if (string.IsNullOrWhiteSpace(password) && string.IsNullOrWhiteSpace(code))
        {
            return AdminResult.Fail("Password", "Enter your current password or a code from your authenticator app.");
        }

        var proven = !await users.IsLockedOutAsync(user)
            && (!string.IsNullOrWhiteSpace(password) ? await users.CheckPasswordAsync(user, password) : await VerifyCodeAsync(user, code));
        if (!proven)
        {
            await users.AccessFailedAsync(user);
            return AdminResult.Fail("Password", "The password or code is not correct.");
        }

        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        await ForgetAsync(user);
        await users.ResetAccessFailedCountAsync(user);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("User {UserId} turned two-factor sign-in off", user.Id);
        return AdminResult.Ok();
    }

    /// <summary>Ten new recovery codes (the old ones stop working); audited.</summary>
    public async Task<AdminResult<IReadOnlyList<string>>> RegenerateRecoveryCodesAsync(CmsUser user, CancellationToken cancellationToken = default)
    {
        if (!user.TwoFactorEnabled)
        {
            return Fail<IReadOnlyList<string>>("", "Two-factor sign-in is not on.");
        }

        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        audit.Add(new AuditEntry("user.recovery-codes-generated", AuditTargets.User, user.Id) { Summary = user.UserName });
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("User {UserId} generated new recovery codes", user.Id);
        return AdminResult.Ok<IReadOnlyList<string>>([.. codes ?? []]);
    }

    /// <summary>
    /// Turns two-factor sign-in off and forgets the key and the recovery codes; the security stamp is renewed, so every
    /// session ends. The caller holds the transaction (and, for an administrator's reset, the permission check).
    /// </summary>
    internal async Task ForgetAsync(CmsUser user)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.RemoveAuthenticationTokenAsync(user, IdentityTokenProvider, "AuthenticatorKey");
        await users.RemoveAuthenticationTokenAsync(user, IdentityTokenProvider, "RecoveryCodes");
        await users.UpdateSecurityStampAsync(user);
    }

    /// <summary>A code typed as the app shows it ("123 456"), checked against the key (Identity allows a little clock drift).</summary>
    private async Task<bool> VerifyCodeAsync(CmsUser user, string? code)
    {
        var typed = NormalizeCode(code);
        return typed.Length > 0 && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, typed);
    }

    /// <summary>Spaces and hyphens removed: authenticator apps show codes in groups.</summary>
    public static string NormalizeCode(string? code) =>
        string.Concat((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-'));

    private IUserAuthenticatorKeyStore<CmsUser> KeyStore =>
        store as IUserAuthenticatorKeyStore<CmsUser> ?? throw new InvalidOperationException("The user store does not keep authenticator keys.");

    private static string FormatKey(string key) =>
        string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(chunk => new string(chunk)));

    private static string QrCodeDataUri(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }

    private static AdminResult<T> Fail<T>(string field, string message) => AdminResult.Fail<T>([new AdminError(field, message)]);
}
