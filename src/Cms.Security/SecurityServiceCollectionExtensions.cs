using Cms.Data;
using Cms.Data.Entities;
using Cms.Security.Setup;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>Users and roles (ASP.NET Core Identity on the CMS database).</summary>
    public static IServiceCollection AddCmsSecurity(this IServiceCollection services, CmsDataOptions dataOptions)
    {
        // Cookie and token-provider keys survive restarts: they live in the data directory.
        services.AddDataProtection()
            .SetApplicationName("NewsroomCms")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetFullPath(dataOptions.DataDirectory), "keys", "data-protection")));
        services.AddIdentityCore<CmsUser>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.User.RequireUniqueEmail = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<CmsRole>()
            .AddEntityFrameworkStores<CmsDbContext>()
            .AddDefaultTokenProviders();
        services.AddScoped<AdministratorSetup>();
        return services;
    }
}
