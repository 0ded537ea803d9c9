using Cms.Core.Content;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Workflow.Api;

/// <summary>
/// The content API's view of the engine's errors, translated before the host's one exception table renders them:
/// a stale version is 412 (the client's If-Match failed), and an item the caller may not even read is reported
/// exactly as a missing one, so the API never tells which ids exist.
/// </summary>
internal sealed class ContentApiErrors : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ContentConflictException ex)
        {
            throw new ContentPreconditionException(ex.Message + " (If-Match no longer matches the latest version.)", ex);
        }
        catch (ContentAccessDeniedException) when (context.HttpContext.Request.RouteValues["id"] is string id)
        {
            if (!await CanReadAsync(context.HttpContext, id))
            {
                throw new ContentNotFoundException(id);
            }

            throw;
        }
    }

    /// <summary>Whether any version of the item is readable by the caller, by the content manager's read rule.</summary>
    private static async Task<bool> CanReadAsync(HttpContext http, string id)
    {
        var content = http.RequestServices.GetRequiredService<IContentManager>();
        return await content.GetAsync(id, VersionOptions.Latest, http.RequestAborted) is not null
            || await content.GetAsync(id, VersionOptions.Published, http.RequestAborted) is not null;
    }
}
