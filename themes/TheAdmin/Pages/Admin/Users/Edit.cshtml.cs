using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Cms.Admin.Navigation;
using Cms.Admin.Services;
using Cms.Core.Security;
using Cms.Data.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Cms.Admin.Pages.Admin.Users;

/// <summary>Edit a user's display name, email, enabled flag and roles; disable, enable, lift a lockout or reset two-factor sign-in with one click.</summary>
[Authorize(Policy = Permissions.ManageUsers)]
public sealed class EditModel(IAdminUsers users, SignInManager<CmsUser> signIn) : AdminPageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public AdminUserDetails Account { get; private set; } = null!;

    public IReadOnlyList<string> AvailableRoles { get; private set; } = [];

    public bool IsSelf => string.Equals(User.FindFirstValue(ClaimTypes.NameIdentifier), Account.Id, StringComparison.Ordinal);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = new InputModel
        {
            DisplayName = Account.DisplayName,
            Email = Account.Email ?? "",
            IsEnabled = Account.IsEnabled,
            Roles = [.. Account.Roles],
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.UpdateAsync(User, id, new AdminUserUpdate(Input.DisplayName, Input.Email, Input.IsEnabled, Input.Roles), cancellationToken);
        return await DoneAsync(result, $"User {Account.UserName} was saved.");
    }

    public Task<IActionResult> OnPostDisableAsync(string id, CancellationToken cancellationToken) => SetEnabledAsync(id, false, cancellationToken);

    public Task<IActionResult> OnPostEnableAsync(string id, CancellationToken cancellationToken) => SetEnabledAsync(id, true, cancellationToken);

    public async Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ResetInput();
        var result = await users.UnlockAsync(User, id, cancellationToken);
        return await DoneAsync(result, $"User {Account.UserName} was unlocked: they can sign in again.");
    }

    public async Task<IActionResult> OnPostResetTwoFactorAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ResetInput();
        var result = await users.ResetTwoFactorAsync(User, id, cancellationToken);
        return await DoneAsync(result, $"Two-factor sign-in of {Account.UserName} was reset: they were signed out, and set it up again from their profile (or at their next sign-in if their role requires it).");
    }

    private async Task<IActionResult> SetEnabledAsync(string id, bool enabled, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ResetInput();
        var result = await users.SetEnabledAsync(User, id, enabled, cancellationToken);
        return await DoneAsync(result, enabled ? $"User {Account.UserName} was enabled." : $"User {Account.UserName} was disabled: they can no longer sign in.");
    }

    /// <summary>Only a button was posted: show the stored values, not an empty form, if it fails.</summary>
    private void ResetInput()
    {
        ModelState.Clear();
        Input = new InputModel { DisplayName = Account.DisplayName, Email = Account.Email ?? "", IsEnabled = Account.IsEnabled, Roles = [.. Account.Roles] };
    }

    private async Task<IActionResult> DoneAsync(AdminResult result, string message)
    {
        if (!result.Succeeded)
        {
            AddErrors(result);
            return Page();
        }

        if (IsSelf && await signIn.UserManager.GetUserAsync(User) is { } me)
        {
            // The security stamp changed with the roles: renew our own cookie rather than be signed out.
            await signIn.RefreshSignInAsync(me);
        }

        StatusMessage = message;
        return LocalRedirect($"{AdminUrls.Users}/{Uri.EscapeDataString(Account.Id)}/edit");
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var account = await users.FindAsync(id, cancellationToken);
        if (account is null)
        {
            return false;
        }

        Account = account;
        AvailableRoles = await users.AssignableRolesAsync(cancellationToken);
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

        [Display(Name = "Enabled (may sign in)")]
        public bool IsEnabled { get; set; }

        public List<string> Roles { get; set; } = [];
    }
}
