using System.ComponentModel.DataAnnotations;
using Cms.Admin.Navigation;
using Cms.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cms.Admin.Pages.Admin;

/// <summary>Sign in with user name (or email) and password. Repeated failures lock the account for a while.</summary>
public sealed class LoginModel(SignInManager<CmsUser> signIn, UserManager<CmsUser> users, ILogger<LoginModel> logger) : PageModel
{
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

        var user = await users.FindByNameAsync(Input.UserName.Trim())
            ?? (Input.UserName.Contains('@', StringComparison.Ordinal) ? await users.FindByEmailAsync(Input.UserName.Trim()) : null);
        if (user is null || !user.IsEnabled)
        {
            logger.LogInformation("Sign-in refused for {UserName}: unknown or disabled account", Input.UserName);
            ModelState.AddModelError(string.Empty, "The user name or password is not correct.");
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserName} signed in", user.UserName);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : AdminUrls.Dashboard);
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("User {UserName} is locked out after repeated failed sign-ins", user.UserName);
            ModelState.AddModelError(string.Empty, "This account is locked after too many failed attempts. Try again later or ask an administrator to reset the password.");
            return Page();
        }

        ModelState.AddModelError(string.Empty, result.IsNotAllowed
            ? "This account may not sign in."
            : "The user name or password is not correct.");
        return Page();
    }

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
