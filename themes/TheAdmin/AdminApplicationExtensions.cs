using Microsoft.AspNetCore.Builder;
using Cms.Admin.Navigation;
using Microsoft.AspNetCore.Routing;

namespace Cms.Admin;

public static class AdminApplicationExtensions
{
    /// <summary>
    /// An admin request that ends in an empty 404 (an unknown address, a user or role that does not exist) shows the
    /// admin's not-found page, inside its layout, instead of problem JSON. Call before routing.
    /// </summary>
    public static IApplicationBuilder UseCmsAdminNotFoundPage(this IApplicationBuilder app) =>
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(AdminUrls.Dashboard, StringComparison.OrdinalIgnoreCase),
            admin => admin.UseStatusCodePagesWithReExecute(AdminUrls.NotFound));

    /// <summary>Maps the admin's Razor Pages (<c>/admin/...</c>).</summary>
    public static IEndpointRouteBuilder MapCmsAdmin(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapRazorPages();
        return endpoints;
    }
}
