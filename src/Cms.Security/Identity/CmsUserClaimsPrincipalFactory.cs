using System.Security.Claims;
using Cms.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Cms.Security.Identity;

/// <summary>
/// The cookie principal: id, user name, security stamp (inside the encrypted cookie only), email, display name and
/// role names. Permissions are not copied into the cookie: they are read from the roles on each request.
/// </summary>
public sealed class CmsUserClaimsPrincipalFactory(UserManager<CmsUser> userManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<CmsUser>(userManager, options)
{
    public const string DisplayNameClaimType = "display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CmsUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrEmpty(user.DisplayName))
        {
            identity.AddClaim(new Claim(DisplayNameClaimType, user.DisplayName));
        }

        foreach (var role in await UserManager.GetRolesAsync(user))
        {
            identity.AddClaim(new Claim(Options.ClaimsIdentity.RoleClaimType, role));
        }

        return identity;
    }
}
