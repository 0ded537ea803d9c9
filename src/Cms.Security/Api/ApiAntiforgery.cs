using Cms.Core.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cms.Security.Api;

/// <summary>
/// The one antiforgery rule of <c>/api/*</c>: a request that changes something (POST, PUT, PATCH, DELETE) and is
/// authenticated by the admin cookie must carry the antiforgery token in the <c>RequestVerificationToken</c> header (the
/// admin layout's <c>request-verification-token</c> meta tag, sent by <c>cmsApi.fetch</c>); otherwise 400 and the
/// endpoint never runs. A browser sends the cookie with a cross-site form post too, so the token is what tells the
/// admin's own scripts apart. Bearer-token requests carry no ambient credential and need no token; a request without a
/// valid cookie is anonymous and meets the endpoint's own authorization. Endpoints marked
/// <see cref="ReadOnlyEndpointMetadata"/> (GraphQL queries) are exempt.
/// </summary>
internal static class ApiAntiforgery
{
    public static async Task<bool> ValidateAsync(HttpContext context)
    {
        if (!RequiresToken(context))
        {
            return true;
        }

        var cookie = await context.AuthenticateAsync(CmsAuthenticationSchemes.Cookie);
        if (!cookie.Succeeded)
        {
            return true;
        }

        // The token is bound to the signed-in user: validate it against the cookie's principal (authentication proper
        // runs later and sets the same one).
        context.User = cookie.Principal;
        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        try
        {
            await antiforgery.ValidateRequestAsync(context);
            return true;
        }
        catch (AntiforgeryValidationException exception)
        {
            var header = context.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.HeaderName ?? "RequestVerificationToken";
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiAntiforgery))
                .LogInformation("Refused a cookie-authenticated {Method} {Path}: {Reason}", context.Request.Method, context.Request.Path.Value, exception.Message);
            await TypedResults.Problem(
                    statusCode: StatusCodes.Status400BadRequest,
                    title: $"The antiforgery token is missing or invalid: send it in the '{header}' header.",
                    detail: $"A {context.Request.Method} to /api/* signed in with the admin cookie must carry the antiforgery token in the '{header}' header "
                        + "(the admin page's request-verification-token meta tag), or authenticate with a bearer token instead.")
                .ExecuteAsync(context);
            return false;
        }
    }

    private static bool RequiresToken(HttpContext context)
    {
        var request = context.Request;
        return request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            && (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method) || HttpMethods.IsDelete(request.Method))
            && !SecurityServiceCollectionExtensions.HasBearerToken(request)
            && context.GetEndpoint()?.Metadata.GetMetadata<ReadOnlyEndpointMetadata>() is null;
    }
}
