using Cms.Admin.Navigation;
using Cms.Admin.Services;
using Cms.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cms.Admin.Pages.Admin.Users;

/// <summary>The users list, with search over user name, email and display name, 20 to a page.</summary>
[Authorize(Policy = Permissions.ManageUsers)]
public sealed class IndexModel(IAdminUsers users) : AdminPageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public AdminPage<AdminUserSummary> Results { get; private set; } = new([], 1, PageSize, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Results = await users.SearchAsync(Search, PageNumber, PageSize, cancellationToken);
    }

    /// <summary>The address of another page of the same search ("page" itself is a reserved Razor Pages route value, hence "p").</summary>
    public string PageUrl(int page)
    {
        var query = new QueryString();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            query = query.Add("q", Search);
        }

        if (page > 1)
        {
            query = query.Add("p", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return AdminUrls.Users + query.ToUriComponent();
    }
}
