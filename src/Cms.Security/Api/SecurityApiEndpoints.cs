using System.Security.Claims;
using Cms.Security.Permissions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Cms.Security.Api;

public static class SecurityApiEndpoints
{
    /// <summary><c>GET /api/me</c>, authenticated through <see cref="CmsAuthenticationSchemes.Api"/> (bearer token or admin cookie).</summary>
    public static IEndpointRouteBuilder MapSecurityApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").RequireApiAuthentication();
        api.MapGet("/me", GetMeAsync).WithName("GetMe");
        return endpoints;
    }

    private static async Task<Ok<MeResponse>> GetMeAsync(ClaimsPrincipal user, IPermissionService permissions, CancellationToken cancellationToken)
    {
        var granted = await permissions.GetPermissionsAsync(user, cancellationToken);
        return TypedResults.Ok(new MeResponse(
            user.GetActorId(),
            user.GetActorName(),
            user.IsClientApplication() ? CmsClaimTypes.ClientActor : CmsClaimTypes.UserActor,
            [.. permissions.GetEffectiveRoles(user).Order(StringComparer.OrdinalIgnoreCase)],
            [.. granted.Order(StringComparer.Ordinal)]));
    }
}
