using System.ComponentModel.DataAnnotations;
using Cms.Admin.Navigation;
using Cms.Admin.Services;
using Cms.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cms.Admin.Pages.Admin.Users;

[Authorize(Policy = Permissions.ManageUsers)]
public sealed class CreateModel(IAdminUsers users) : AdminPageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<string> AvailableRoles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        AvailableRoles = await users.AssignableRolesAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        AvailableRoles = await users.AssignableRolesAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.CreateAsync(User, new AdminNewUser(
            Input.UserName, Input.DisplayName, Input.Email, Input.Password, Input.IsEnabled, Input.Roles), cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result);
            return Page();
        }

        StatusMessage = $"User {Input.UserName.Trim()} was created.";
        return LocalRedirect(AdminUrls.Users);
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter a user name.")]
        [StringLength(64, MinimumLength = 2, ErrorMessage = "Use 2 to 64 characters.")]
        [Display(Name = "User name")]
        public string UserName { get; set; } = "";

        [StringLength(256)]
        [Display(Name = "Display name")]
        public string? DisplayName { get; set; }

        [Required(ErrorMessage = "Enter an email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter a password.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Repeat the password.")]
        [DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "The passwords do not match.")]
        [Display(Name = "Repeat password")]
        public string ConfirmPassword { get; set; } = "";

        [Display(Name = "Enabled (may sign in)")]
        public bool IsEnabled { get; set; } = true;

        public List<string> Roles { get; set; } = [];
    }
}
