using Cms.Security.Api;
using Cms.Security.OpenId;
using Microsoft.AspNetCore.Routing;

namespace Cms.Security;

public static class SecurityEndpointRouteBuilderExtensions
{
    /// <summary>The OpenID Connect pass-through endpoints (<c>/connect/*</c>) and <c>GET /api/me</c>.</summary>
    public static IEndpointRouteBuilder MapCmsSecurity(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenIdEndpoints();
        endpoints.MapSecurityApi();
        return endpoints;
    }
}
