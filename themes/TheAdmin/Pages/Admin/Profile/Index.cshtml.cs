using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Cms.Admin.Navigation;
using Cms.Admin.Services;
using Cms.Data.Entities;
using Cms.Security.Identity;
using Cms.Security.TwoFactor;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cms.Admin.Pages.Admin.Profile;

/// <summary>
/// Any signed-in user's own profile. The form binds only <see cref="InputModel"/> (display name and email), so a
/// post that adds <c>Roles</c> or <c>IsEnabled</c> fields changes nothing else. The two-factor section (set up with a
/// QR code, turn off, new recovery codes) calls <see cref="TwoFactorService"/>.
/// </summary>
public sealed class IndexModel(IAdminUsers users, CmsSignInManager signIn, TwoFactorService twoFactor) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public TwoFactorInputModel TwoFactorInput { get; set; } = new();

    public TwoFactorStatus TwoFactor { get; private set; } = null!;

    /// <summary>The QR code and key to scan, while two-factor sign-in is off.</summary>
    public AuthenticatorSetup? Setup { get; private set; }

    /// <summary>Recovery codes just made (after turning two-factor sign-in on, or on request): shown once.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public AdminUserDetails Account { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Challenge();
        }

        ResetInput();
        if (Setup is not null)
        {
            // The page shows the authenticator key: keep it out of caches.
            Response.Headers.CacheControl = "no-store";
        }

        return Page();
    }

    /// <summary>Turns two-factor sign-in on with a code from the app; the recovery codes are shown once, on this answer.</summary>
    public Task<IActionResult> OnPostEnableTwoFactorAsync(CancellationToken cancellationToken) =>
        TwoFactorChangeAsync(async me =>
        {
            var result = await twoFactor.EnableAsync(me, TwoFactorInput.Code, cancellationToken);
            RecoveryCodes = result.Value;
            return (result, "Two-factor sign-in is on. Your other sessions were signed out.");
        }, cancellationToken);

    /// <summary>Turns two-factor sign-in off, with the current password or a code.</summary>
    public Task<IActionResult> OnPostDisableTwoFactorAsync(CancellationToken cancellationToken) =>
        TwoFactorChangeAsync(async me =>
            (await twoFactor.DisableAsync(me, TwoFactorInput.Password, TwoFactorInput.Code, cancellationToken), "Two-factor sign-in is off. Your other sessions were signed out."),
            cancellationToken);

    /// <summary>Ten new recovery codes; the old ones stop working.</summary>
    public Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken cancellationToken) =>
        TwoFactorChangeAsync(async me =>
        {
            var result = await twoFactor.RegenerateRecoveryCodesAsync(me, cancellationToken);
            RecoveryCodes = result.Value;
            return (result, "New recovery codes were made; the old ones no longer work.");
        }, cancellationToken);

    private async Task<IActionResult> TwoFactorChangeAsync(Func<CmsUser, Task<(Cms.Security.Administration.AdminResult Result, string Message)>> change, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || await signIn.UserManager.GetUserAsync(User) is not { } me)
        {
            return Challenge();
        }

        // Only the two-factor form was posted: the profile form shows the stored values.
        ModelState.Clear();
        ResetInput();
        var (result, message) = await change(me);
        Response.Headers.CacheControl = "no-store";
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Field.Length == 0 ? string.Empty : "TwoFactorInput." + error.Field, error.Message);
            }

            RecoveryCodes = null;
            await LoadTwoFactorAsync(me, cancellationToken);
            return Page();
        }

        // Turning two-factor sign-in on or off renews the security stamp: keep this session, the others end.
        await signIn.RefreshSignInAsync(me);
        TwoFactorInput = new TwoFactorInputModel();
        await LoadTwoFactorAsync(me, cancellationToken);
        if (RecoveryCodes is not null)
        {
            // The codes are on this answer only: no redirect, nothing to find again later.
            StatusMessage = null;
            ViewData["TwoFactorMessage"] = message;
            return Page();
        }

        StatusMessage = message;
        return LocalRedirect(AdminUrls.Profile);
    }

    private void ResetInput() =>
        Input = new InputModel { DisplayName = Account.DisplayName, Email = Account.Email ?? "" };

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.UpdateProfileAsync(User, new AdminProfileUpdate(Input.DisplayName, Input.Email), cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Field is null ? string.Empty : "Input." + error.Field, error.Message);
            }

            return Page();
        }

        StatusMessage = "Your profile was saved.";
        return LocalRedirect(AdminUrls.Profile);
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var account = User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? await users.FindAsync(id, cancellationToken) : null;
        if (account is null)
        {
            return false;
        }

        Account = account;
        if (await signIn.UserManager.GetUserAsync(User) is { } me)
        {
            await LoadTwoFactorAsync(me, cancellationToken);
        }

        return true;
    }

    private async Task LoadTwoFactorAsync(CmsUser me, CancellationToken cancellationToken)
    {
        TwoFactor = await twoFactor.GetStatusAsync(me);
        Setup = await twoFactor.GetSetupAsync(me, cancellationToken);
    }

    public sealed class InputModel
    {
        [StringLength(256)]
        [Display(Name = "Display name")]
        public string? DisplayName { get; set; }

        [Required(ErrorMessage = "Enter an email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        public string Email { get; set; } = "";
    }

    public sealed class TwoFactorInputModel
    {
        [StringLength(16)]
        [Display(Name = "Code from the app")]
        public string? Code { get; set; }

        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string? Password { get; set; }
    }
}
