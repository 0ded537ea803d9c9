using Cms.Admin.Navigation;
using Cms.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cms.Admin.Pages.Admin;

/// <summary>Sign out. A GET only asks for confirmation: signing out changes state, so it takes a form post (with antiforgery).</summary>
public sealed class LogoutModel(SignInManager<CmsUser> signIn) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnPostAsync()
    {
        // The sign-in manager ends every session of the user and logs it.
        await signIn.SignOutAsync();

        StatusMessage = "You have signed out.";
        return LocalRedirect(AdminUrls.Login);
    }
}
