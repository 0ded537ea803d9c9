using System.Security.Claims;
using Cms.Core.Content;
using Cms.Security.Permissions;

namespace Cms.Security.Administration;

/// <summary>Demands a permission of the caller or throws <see cref="ContentAccessDeniedException"/> (403).</summary>
internal static class AdminGuard
{
    public static async Task DemandAsync(this IPermissionService permissions, ClaimsPrincipal caller, string permission, CancellationToken cancellationToken)
    {
        if (!await permissions.HasPermissionAsync(caller, permission, cancellationToken))
        {
            throw new ContentAccessDeniedException(permission, (string?)null);
        }
    }
}
