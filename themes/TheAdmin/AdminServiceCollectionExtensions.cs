using Cms.Admin.Navigation;
using Cms.Admin.Services;
using Cms.Core.Security;
using Cms.Workflow.Desk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cms.Admin;

public static class AdminServiceCollectionExtensions
{
    /// <summary>
    /// The admin UI: Razor Pages under <c>/admin</c>, its navigation and the services its pages use. The
    /// services are registered with TryAdd, so a capability registered earlier can provide them instead.
    /// Everything under <c>/admin</c> needs a signed-in user except sign-in, sign-out and access denied;
    /// each page adds its own permission policy.
    /// </summary>
    public static IServiceCollection AddCmsAdmin(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Admin");
            options.Conventions.AllowAnonymousToPage("/Admin/Login");
            options.Conventions.AllowAnonymousToPage("/Admin/LoginTwoFactor");
            options.Conventions.AllowAnonymousToPage("/Admin/LoginEnrol");
            options.Conventions.AllowAnonymousToPage("/Admin/Logout");
            options.Conventions.AllowAnonymousToPage("/Admin/AccessDenied");
        });

        services.TryAddScoped<IAdminPermissions, SecurityAdminPermissions>();
        services.TryAddScoped<IAdminUsers, SecurityAdminUsers>();
        services.TryAddScoped<IAdminRoles, SecurityAdminRoles>();
        services.TryAddScoped<IAdminClients, SecurityAdminClients>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<AdminNavigation>();

        services.AddAdminMenuItem(new AdminMenuItem(null, "Dashboard", AdminUrls.Dashboard, "bi-speedometer2", Permissions.AccessAdminPanel, 0,
            "What you can do in the admin."));
        services.AddAdminMenuItem(new AdminMenuItem(null, "Content", AdminUrls.Content, "bi-file-earmark-text", ContentDeskRequirement.PolicyName, 5,
            "Find, filter and act on articles and other content; start a new one."));
        services.AddAdminMenuItem(new AdminMenuItem("Security", "Users", AdminUrls.Users, "bi-people", Permissions.ManageUsers, 10,
            "Create accounts, assign roles, disable people who left, reset passwords."));
        services.AddAdminMenuItem(new AdminMenuItem("Security", "Roles", AdminUrls.Roles, "bi-shield-lock", Permissions.ManageRoles, 20,
            "Decide which permissions each role grants, per content type."));
        services.AddAdminMenuItem(new AdminMenuItem("Security", "API clients", AdminUrls.Clients, "bi-key", Permissions.ManageOpenIdApplications, 30,
            "Register front ends and build pipelines that call the API."));
        services.AddAdminMenuItem(new AdminMenuItem("Content", "Media", AdminUrls.Media, "bi-images", Permissions.ManageMedia, 50,
            "Upload pictures, write their alt texts and captions, and crop them for every place they appear."));
        services.AddAdminMenuItem(new AdminMenuItem("Settings", "Site settings", Pages.Admin.Settings.IndexModel.Address, "bi-sliders", Permissions.ManageSettings, 10,
            "The site name, tagline, logo, footer, social links and cookie notice that front ends show."));
        services.AddAdminMenuItem(new AdminMenuItem("Content", "Menus", AdminUrls.Menus, "bi-list-nested", "Edit_Menu", 60,
            "Arrange the site's header and side menus: links and sections, in order, nested up to three levels."));
        services.AddAdminMenuItem(new AdminMenuItem("Integrations", "Webhooks", AdminUrls.Webhooks, "bi-broadcast", Permissions.ManageWebhooks, 10,
            "Notify other systems, signed, when content is published, unpublished or deleted."));
        services.AddAdminMenuItem(new AdminMenuItem("Site", "Export", AdminUrls.Export, "bi-box-arrow-down", Permissions.ExportSite, 70,
            "Download the whole site as a recipe folder, to move it or to keep a copy."));
        return services;
    }

    /// <summary>Adds an entry to the admin navigation; it shows only to users who hold its permission.</summary>
    public static IServiceCollection AddAdminMenuItem(this IServiceCollection services, AdminMenuItem item) =>
        services.AddSingleton(item);
}
