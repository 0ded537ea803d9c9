using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Cms.Preview.Http;

/// <summary>
/// A write made with the admin cookie (not a bearer token) must carry the antiforgery token in the
/// <c>RequestVerificationToken</c> header, as the admin's <c>cmsApi.fetch</c> sends it; otherwise 400.
/// </summary>
internal sealed class CookieWriteAntiforgery(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var bearer = http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        if (!bearer && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !await antiforgery.IsRequestValidAsync(http))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid.",
                detail: "A change made with the admin cookie needs the antiforgery token in the RequestVerificationToken header.");
        }

        return await next(context);
    }
}
