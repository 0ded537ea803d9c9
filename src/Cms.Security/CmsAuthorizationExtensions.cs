using Cms.Security.Permissions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;

namespace Cms.Security;

/// <summary>Endpoint conventions for <c>/api/*</c>: the <see cref="CmsAuthenticationSchemes.Api"/> scheme plus permissions.</summary>
public static class CmsAuthorizationExtensions
{
    /// <summary>
    /// Authenticates through the Api scheme (bearer token, else admin cookie) and requires every listed permission,
    /// e.g. <c>group.RequireApiPermissions(Permissions.ExecuteGraphQL)</c>. Callers without credentials are checked
    /// against the Anonymous role; a bearer token that is invalid (expired, revoked, forged) always gets 401.
    /// With no permission listed, anyone may pass (still 401 for an invalid token).
    /// </summary>
    public static TBuilder RequireApiPermissions<TBuilder>(this TBuilder builder, params string[] permissions)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(ApiPolicy(permissions));

    /// <summary>Authenticates through the Api scheme and requires a signed-in user or a client token (401 otherwise).</summary>
    public static TBuilder RequireApiAuthentication<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(new AuthorizationPolicyBuilder(CmsAuthenticationSchemes.Api).RequireAuthenticatedUser().Build());

    /// <summary>The policy behind <see cref="RequireApiPermissions{TBuilder}"/>, for <c>IAuthorizationService</c> and controllers.</summary>
    public static AuthorizationPolicy ApiPolicy(params string[] permissions)
    {
        var policy = new AuthorizationPolicyBuilder(CmsAuthenticationSchemes.Api).AddRequirements(new ApiCredentialsRequirement());
        foreach (var permission in permissions)
        {
            policy.AddRequirements(new PermissionRequirement(permission));
        }

        return policy.Build();
    }
}
