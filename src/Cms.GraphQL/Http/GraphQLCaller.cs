using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.GraphQL.Http;

/// <summary>
/// Who is calling. When the host registers the <c>Api</c> authentication scheme (bearer token or admin cookie),
/// it decides; otherwise the request's user stands. A token that is present but invalid is refused (401), never
/// silently treated as anonymous.
/// </summary>
internal static class GraphQLCaller
{
    public const string ApiScheme = "Api";

    /// <summary>The caller, or null when the credentials sent were rejected.</summary>
    public static async Task<ClaimsPrincipal?> AuthenticateAsync(HttpContext http)
    {
        var schemes = http.RequestServices.GetService<IAuthenticationSchemeProvider>();
        if (schemes is null || await schemes.GetSchemeAsync(ApiScheme) is null)
        {
            return http.User;
        }

        var result = await http.AuthenticateAsync(ApiScheme);
        if (result.Succeeded)
        {
            http.User = result.Principal;
            return http.User;
        }

        if (result.Failure is not null && http.Request.Headers.Authorization.Count > 0)
        {
            return null;
        }

        return http.User;
    }

    public static bool IsAnonymous(ClaimsPrincipal user) => user.Identity?.IsAuthenticated != true;
}
