using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Cms.Admin.Navigation;
using Cms.Admin.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cms.Admin.Pages.Admin.Profile;

/// <summary>
/// Any signed-in user's own profile. The form binds only <see cref="InputModel"/> (display name and email), so a
/// post that adds <c>Roles</c> or <c>IsEnabled</c> fields changes nothing else.
/// </summary>
public sealed class IndexModel(IAdminUsers users) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public AdminUserDetails Account { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Challenge();
        }

        Input = new InputModel { DisplayName = Account.DisplayName, Email = Account.Email ?? "" };
        return Page();
    }

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
        return true;
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
}
