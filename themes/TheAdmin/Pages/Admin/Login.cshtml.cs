using System.ComponentModel.DataAnnotations;
using Cms.Admin.Navigation;
using Cms.Security.Identity;
using Cms.Security.TwoFactor;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cms.Admin.Pages.Admin;

/// <summary>
/// Sign in with user name (or email) and password, through the CMS sign-in manager (throttling, lockout, logging); then
/// the two-factor code step, or the enrolment step when the user's role requires two-factor sign-in they have not set up.
/// </summary>
public sealed class LoginModel(CmsSignInManager signIn) : PageModel
{
    public const string FailureMessage = "The user name or password is not correct. If they are, the account cannot sign in right now: after many failed attempts wait a few minutes, or ask an administrator.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // One message for every failure (unknown name, wrong password, disabled, locked): the page must not tell
        // real accounts from made-up ones. The sign-in manager logs the reason against the user id.
        var result = await signIn.PasswordSignInByNameOrEmailAsync(Input.UserName, Input.Password, Input.RememberMe);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : AdminUrls.Dashboard);
        }

        // The password was right: the second step (a code), or setting two-factor sign-in up when the role requires it.
        if (result.RequiresTwoFactor)
        {
            return LocalRedirect(AdminUrls.LoginTwoFactor + QueryString.Create(new Dictionary<string, string?> { ["ReturnUrl"] = LocalReturnUrl, ["RememberMe"] = Input.RememberMe ? "true" : "false" }));
        }

        if (result is TwoFactorEnrolmentRequired)
        {
            return LocalRedirect(AdminUrls.LoginEnrol + QueryString.Create("ReturnUrl", LocalReturnUrl));
        }

        ModelState.AddModelError(string.Empty, FailureMessage);
        return Page();
    }

    private string LocalReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : AdminUrls.Dashboard;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your user name or email.")]
        [Display(Name = "User name or email")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [Display(Name = "Keep me signed in")]
        public bool RememberMe { get; set; }
    }
}
