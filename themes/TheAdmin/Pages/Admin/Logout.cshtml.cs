using Cms.Admin.Navigation;
using Cms.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cms.Admin.Pages.Admin;

/// <summary>Sign out. A GET only asks for confirmation: signing out changes state, so it takes a form post (with antiforgery).</summary>
public sealed class LogoutModel(SignInManager<CmsUser> signIn, ILogger<LogoutModel> logger) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnPostAsync()
    {
        var name = User.Identity?.Name;
        await signIn.SignOutAsync();
        if (name is not null)
        {
            logger.LogInformation("User {UserName} signed out", name);
        }

        StatusMessage = "You have signed out.";
        return LocalRedirect(AdminUrls.Login);
    }
}
