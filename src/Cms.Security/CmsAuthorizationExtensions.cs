using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;

namespace Cms.Security;

/// <summary>Endpoint conventions for <c>/api/*</c>: the <see cref="CmsAuthenticationSchemes.Api"/> scheme plus permissions.</summary>
public static class CmsAuthorizationExtensions
{
    /// <summary>
    /// Authenticates through the Api scheme (bearer token, else admin cookie) and requires every listed permission.
    /// With no permission listed, any caller may pass, anonymous included (the Anonymous role's permissions still
    /// apply inside); e.g. <c>group.RequireApiPermissions(Permissions.ExecuteGraphQL)</c>.
    /// </summary>
    public static TBuilder RequireApiPermissions<TBuilder>(this TBuilder builder, params string[] permissions)
        where TBuilder : IEndpointConventionBuilder
    {
        if (permissions.Length == 0)
        {
            return builder.RequireAuthorization(new AuthorizationPolicyBuilder(CmsAuthenticationSchemes.Api).RequireAssertion(_ => true).Build());
        }

        return builder.RequireAuthorization([.. permissions.Select(p => new AuthorizeAttribute(p) { AuthenticationSchemes = CmsAuthenticationSchemes.Api })]);
    }

    /// <summary>Authenticates through the Api scheme and requires a signed-in user or a client token (401 otherwise).</summary>
    public static TBuilder RequireApiAuthentication<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(new AuthorizationPolicyBuilder(CmsAuthenticationSchemes.Api).RequireAuthenticatedUser().Build());
}
