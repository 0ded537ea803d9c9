using System.ComponentModel.DataAnnotations;
using Cms.Admin.Navigation;
using Cms.Admin.Services;
using Cms.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cms.Admin.Pages.Admin.Profile;

/// <summary>Any signed-in user changes their own password (the current one is required).</summary>
public sealed class PasswordModel(IAdminUsers users, SignInManager<CmsUser> signIn) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ChangePasswordAsync(User, Input.CurrentPassword, Input.NewPassword, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Field is null ? string.Empty : "Input." + error.Field, error.Message);
            }

            return Page();
        }

        if (await signIn.UserManager.GetUserAsync(User) is { } me)
        {
            // Changing the password renews the security stamp: keep this session, the others end.
            await signIn.RefreshSignInAsync(me);
        }

        StatusMessage = "Your password was changed.";
        return LocalRedirect(AdminUrls.Profile);
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your current password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Enter the new password.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Repeat the new password.")]
        [DataType(DataType.Password)]
        [Compare(nameof(NewPassword), ErrorMessage = "The passwords do not match.")]
        [Display(Name = "Repeat new password")]
        public string ConfirmPassword { get; set; } = "";
    }
}
