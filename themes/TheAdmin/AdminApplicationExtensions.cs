using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Cms.Admin;

public static class AdminApplicationExtensions
{
    /// <summary>Maps the admin's Razor Pages (<c>/admin/...</c>).</summary>
    public static IEndpointRouteBuilder MapCmsAdmin(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapRazorPages();
        return endpoints;
    }
}
