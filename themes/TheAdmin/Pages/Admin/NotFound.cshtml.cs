using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cms.Admin.Pages.Admin;

/// <summary>
/// Any <c>/admin/...</c> address no page claims (the catch-all route loses to every other admin route), and the page
/// the admin's 404s are re-executed to (see <see cref="AdminApplicationExtensions.UseCmsAdminNotFoundPage"/>).
/// Answers 404, inside the admin layout; another empty error re-executed here (a refused form post's 400) keeps its
/// status code and says so.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class NotFoundModel : PageModel
{
    public string RequestedPath { get; private set; } = "";

    public int Status { get; private set; } = StatusCodes.Status404NotFound;

    public void OnGet() => Render();

    public void OnPost() => Render();

    private void Render()
    {
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        RequestedPath = original is null ? Request.Path.Value ?? "" : original.OriginalPathBase + original.OriginalPath;
        Status = original?.OriginalStatusCode ?? StatusCodes.Status404NotFound;
        Response.StatusCode = Status;
    }
}
