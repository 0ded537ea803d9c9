using Cms.Admin.Services;
using Cms.Core.Security;
using Cms.Security.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Cms.Admin.Pages.Admin.Clients;

/// <summary>Shared by the API client pages: the permission, the roles to offer and the Administrator rule.</summary>
[Authorize(Policy = Permissions.ManageOpenIdApplications)]
public abstract class ClientPageModel(IAdminUsers users) : AdminPageModel
{
    public IReadOnlyList<string> AvailableRoles { get; private set; } = [];

    /// <summary>Only an administrator may let a client act as Administrator.</summary>
    public bool CanGrantAdministrator => User.IsInRole(CmsRoles.Administrator);

    protected async Task LoadRolesAsync(CancellationToken cancellationToken) =>
        AvailableRoles = await users.AssignableRolesAsync(cancellationToken);

    /// <summary>Refuses the Administrator role from a non-administrator unless the client already had it.</summary>
    protected bool CheckAdministratorRole(IEnumerable<string> wanted, IEnumerable<string> had)
    {
        if (CanGrantAdministrator || wanted.Any(CmsRoles.IsAdministrator) == had.Any(CmsRoles.IsAdministrator))
        {
            return true;
        }

        ModelState.AddModelError("Input.Roles", "Only an administrator can give a client the Administrator role or take it away.");
        return false;
    }

    /// <summary>The page shows a secret: no cache may keep it.</summary>
    protected void NoStore()
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers.Pragma = "no-cache";
    }
}
