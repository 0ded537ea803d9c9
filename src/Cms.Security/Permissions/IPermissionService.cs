using System.Security.Claims;
using Cms.Core.Content;
using Cms.Core.Security;

namespace Cms.Security.Permissions;

/// <summary>
/// What a caller may do. Administrator holds every permission; signed-in users also get the Authenticated role's
/// permissions; callers who are not signed in get the Anonymous role's; client-credentials tokens get exactly their
/// configured roles. Role permissions are read from the database on each request, so changes apply at once.
/// </summary>
public interface IPermissionService
{
    Task<bool> HasPermissionAsync(ClaimsPrincipal user, string permission, CancellationToken cancellationToken = default);

    /// <summary>Every permission the caller holds, implied ones included (for hiding navigation).</summary>
    Task<IReadOnlySet<string>> GetPermissionsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default);

    /// <summary>Whether the caller may do <paramref name="action"/> to this item; "Own" permissions count when the item's Owner is the caller.</summary>
    Task<bool> IsAllowedAsync(ClaimsPrincipal user, ContentAction action, ContentItem item, CancellationToken cancellationToken = default);

    /// <summary>How far an action reaches over a type: every item, the caller's own, or none.</summary>
    Task<AccessScope> GetScopeAsync(ClaimsPrincipal user, ContentAction action, string contentType, CancellationToken cancellationToken = default);

    /// <summary>The roles that apply to the caller, including the implicit Anonymous or Authenticated role.</summary>
    IReadOnlySet<string> GetEffectiveRoles(ClaimsPrincipal user);
}
