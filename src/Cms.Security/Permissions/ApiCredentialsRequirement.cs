using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Cms.Security.Permissions;

/// <summary>
/// Part of every <c>/api</c> policy: a request that presents a bearer token must present a valid one. Without it an
/// expired or forged token would quietly fall back to the Anonymous role's permissions instead of getting 401.
/// </summary>
public sealed class ApiCredentialsRequirement : AuthorizationHandler<ApiCredentialsRequirement>, IAuthorizationRequirement
{
    private readonly IHttpContextAccessor? _http;

    public ApiCredentialsRequirement()
    {
    }

    public ApiCredentialsRequirement(IHttpContextAccessor http)
    {
        _http = http;
    }

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ApiCredentialsRequirement requirement)
    {
        var request = (context.Resource as HttpContext ?? _http?.HttpContext)?.Request;
        var presentsBearer = request is not null && request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        if (!presentsBearer || context.User.IsAuthenticated())
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
