using Cms.Admin.Navigation;
using Cms.Admin.Services;
using Cms.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cms.Admin.Pages.Admin.Roles;

[Authorize(Policy = Permissions.ManageRoles)]
public sealed class CreateModel(IAdminRoles roles, IAdminPermissions permissions) : AdminPageModel
{
    [BindProperty]
    public RoleInputModel Input { get; set; } = new();

    public IReadOnlyList<PermissionGroup> Catalogue { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Catalogue = await permissions.GetCatalogueAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Catalogue = await permissions.GetCatalogueAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await roles.CreateAsync(Input.Name, Input.Description, Input.Permissions, cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result);
            return Page();
        }

        StatusMessage = $"The role {Input.Name.Trim()} was created.";
        return LocalRedirect(AdminUrls.Roles);
    }
}
