using Cms.Admin.Navigation;
using Cms.Admin.Services;
using Cms.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cms.Admin.Pages.Admin.Roles;

[Authorize(Policy = Permissions.ManageRoles)]
public sealed class IndexModel(IAdminRoles roles) : AdminPageModel
{
    public IReadOnlyList<AdminRoleSummary> Roles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Roles = await roles.ListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(string name, CancellationToken cancellationToken)
    {
        var result = await roles.DeleteAsync(name, cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result);
            Roles = await roles.ListAsync(cancellationToken);
            return Page();
        }

        StatusMessage = $"The role {name} was deleted.";
        return LocalRedirect(AdminUrls.Roles);
    }
}
