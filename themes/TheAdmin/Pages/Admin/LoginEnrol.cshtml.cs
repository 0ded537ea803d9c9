using System.ComponentModel.DataAnnotations;
using Cms.Admin.Navigation;
using Cms.Security.Identity;
using Cms.Security.TwoFactor;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cms.Admin.Pages.Admin;

/// <summary>
/// The enrolment step of the sign-in: the password was right, but the user's role requires two-factor sign-in and
/// they have not set it up. Until they confirm a code here they hold no admin session at all (only the enrolment
/// cookie), so nothing else in the admin, the API or <c>/connect/authorize</c> opens for them.
/// </summary>
public sealed class LoginEnrolModel(CmsSignInManager signIn, TwoFactorService twoFactor) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public AuthenticatorSetup? Setup { get; private set; }

    /// <summary>Set once two-factor sign-in is on: shown once, then the user continues.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public string ContinueUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : AdminUrls.Dashboard;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await signIn.GetPendingEnrolmentAsync() is not { } pending)
        {
            return LocalRedirect(AdminUrls.Login);
        }

        Setup = await twoFactor.GetSetupAsync(pending.User, cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await signIn.GetPendingEnrolmentAsync() is not { } pending)
        {
            return LocalRedirect(AdminUrls.Login);
        }

        Response.Headers.CacheControl = "no-store";
        if (ModelState.IsValid)
        {
            var result = await twoFactor.EnableAsync(pending.User, Input.Code, cancellationToken);
            if (result.Succeeded)
            {
                await signIn.CompleteEnrolmentAsync(pending.User, pending.IsPersistent);
                RecoveryCodes = result.Value;
                return Page();
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Field.Length == 0 ? string.Empty : "Input." + error.Field, error.Message);
            }
        }

        Setup = await twoFactor.GetSetupAsync(pending.User, cancellationToken);
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the code from your authenticator app.")]
        [StringLength(16)]
        [Display(Name = "Code from the app")]
        public string Code { get; set; } = "";
    }
}
