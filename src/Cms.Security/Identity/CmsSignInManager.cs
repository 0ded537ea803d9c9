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
    IUserConfirmation<CmsUser> confirmation)
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
            Logger.LogInformation("User {UserId} signed out; every session ended", user.Id);
        }

        await base.SignOutAsync();
    }

    /// <summary>Signs in by user name or email; disabled or locked-out users get <see cref="SignInResult.NotAllowed"/> / <see cref="SignInResult.LockedOut"/>.</summary>
    public async Task<SignInResult> PasswordSignInByNameOrEmailAsync(string userNameOrEmail, string password, bool isPersistent)
    {
        var user = await UserManager.FindByNameAsync(userNameOrEmail) ?? await UserManager.FindByEmailAsync(userNameOrEmail);
        return user is null ? SignInResult.Failed : await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure: true);
    }
}
