using System.ComponentModel.DataAnnotations;
using Cms.Admin.Navigation;
using Cms.Security.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cms.Admin.Pages.Admin;

/// <summary>
/// The second step of the sign-in for a user who turned two-factor sign-in on: a code from the authenticator app or a
/// recovery code, checked by the CMS sign-in manager (rate limits per account, lockout, audit trail).
/// </summary>
public sealed class LoginTwoFactorModel(CmsSignInManager signIn) : PageModel
{
    public const string FailureMessage = "The code is not correct or has expired. If it is correct, the account cannot sign in right now: after many failed attempts wait a few minutes, or ask an administrator.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? LocalRedirect(AdminUrls.Login) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // One message for every failure (wrong code, used recovery code, locked, expired step).
        var result = await signIn.SecondStepSignInAsync(Input.Code, RememberMe, Input.RememberDevice);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : AdminUrls.Dashboard);
        }

        ModelState.AddModelError(string.Empty, FailureMessage);
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the code from your authenticator app, or a recovery code.")]
        [StringLength(32)]
        [Display(Name = "Code")]
        public string Code { get; set; } = "";

        [Display(Name = "Remember this device (no code needed here next time)")]
        public bool RememberDevice { get; set; }
    }
}
