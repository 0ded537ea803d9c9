using Cms.Admin.Services;
using Cms.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cms.Admin.Pages.Admin;

/// <summary>
/// The base of every admin page that needs the admin panel. Each page adds the permission it needs with its
/// own <c>[Authorize(Policy = ...)]</c>; both are checked on the server before any handler runs.
/// </summary>
[Authorize(Policy = Permissions.AccessAdminPanel)]
public abstract class AdminPageModel : PageModel
{
    /// <summary>A one-line confirmation shown on the next page after a redirect.</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>Copies errors to the model state, under <paramref name="prefix"/>.Field or the form as a whole.</summary>
    protected void AddErrors(AdminResult result, string prefix = "Input")
    {
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Field is null ? string.Empty : $"{prefix}.{error.Field}", error.Message);
        }
    }
}
