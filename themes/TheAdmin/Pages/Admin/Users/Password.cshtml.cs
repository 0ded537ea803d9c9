using System.ComponentModel.DataAnnotations;
using Cms.Admin.Navigation;
using Cms.Admin.Services;
using Cms.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cms.Admin.Pages.Admin.Users;

/// <summary>An administrator sets a new password for a user (and lifts a lockout).</summary>
[Authorize(Policy = Permissions.ManageUsers)]
public sealed class PasswordModel(IAdminUsers users) : AdminPageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public AdminUserDetails Account { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var account = await users.FindAsync(id, cancellationToken);
        if (account is null)
        {
            return NotFound();
        }

        Account = account;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        var account = await users.FindAsync(id, cancellationToken);
        if (account is null)
        {
            return NotFound();
        }

        Account = account;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ResetPasswordAsync(User, id, Input.Password, cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result);
            return Page();
        }

        StatusMessage = $"The password of {account.UserName} was reset. Give it to them through a safe channel.";
        return LocalRedirect($"{AdminUrls.Users}/{Uri.EscapeDataString(id)}/edit");
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the new password.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Repeat the new password.")]
        [DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "The passwords do not match.")]
        [Display(Name = "Repeat new password")]
        public string ConfirmPassword { get; set; } = "";
    }
}
