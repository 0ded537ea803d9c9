using Cms.Admin.Navigation;
using Cms.Admin.Services;
using Cms.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cms.Admin.Pages.Admin.Roles;

/// <summary>Edit a role's description and its permission matrix. The name is fixed; Administrator keeps every permission.</summary>
[Authorize(Policy = Permissions.ManageRoles)]
public sealed class EditModel(IAdminRoles roles, IAdminPermissions permissions) : AdminPageModel
{
    [BindProperty]
    public RoleInputModel Input { get; set; } = new();

    public AdminRoleDetails Role { get; private set; } = null!;

    public IReadOnlyList<PermissionGroup> Catalogue { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string name, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(name, cancellationToken))
        {
            return NotFound();
        }

        Input = new RoleInputModel { Name = Role.Name, Description = Role.Description, Permissions = [.. Role.Permissions] };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string name, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(name, cancellationToken))
        {
            return NotFound();
        }

        // The name is not editable: whatever was posted, the role in the address is the one changed.
        Input.Name = Role.Name;
        ModelState.Remove("Input.Name");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await roles.UpdateAsync(Role.Name, Input.Description, Input.Permissions, cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result);
            return Page();
        }

        StatusMessage = $"The role {Role.Name} was saved. Its users get the new permissions on their next request.";
        return LocalRedirect(AdminUrls.Roles);
    }

    private async Task<bool> LoadAsync(string name, CancellationToken cancellationToken)
    {
        var role = await roles.FindAsync(name, cancellationToken);
        if (role is null)
        {
            return false;
        }

        Role = role;
        Catalogue = await permissions.GetCatalogueAsync(cancellationToken);
        return true;
    }
}
