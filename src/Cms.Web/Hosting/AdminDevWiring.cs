using System.Security.Claims;
using System.Text.RegularExpressions;
using Cms.Admin.Navigation;
using Cms.Admin.Services;
using Cms.Core.Security;
using Cms.Data;
using Cms.Data.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace Cms.Web.Hosting;

/// <summary>
/// TEMPORARY wiring so the admin UI runs before the security capability lands: the Identity application cookie,
/// the sign-in manager, one authorization policy per permission name (checked against the role claims through
/// <see cref="IAdminPermissions"/>), OpenIddict's core managers and the newsroom roles. It does nothing when the
/// security capability has registered the sign-in manager. Delete this file and its one call at merge.
/// </summary>
public static partial class AdminDevWiring
{
    public static IServiceCollection AddAdminDevWiring(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(IOpenIddictApplicationManager)))
        {
            services.AddOpenIddict().AddCore(options => options.UseEntityFrameworkCore().UseDbContext<CmsDbContext>());
        }

        if (services.Any(d => d.ServiceType == typeof(SignInManager<CmsUser>)))
        {
            return services;
        }

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = AdminUrls.Login;
            options.LogoutPath = AdminUrls.Logout;
            options.AccessDeniedPath = AdminUrls.AccessDenied;
            options.Cookie.Name = "cms.admin";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
        });
        new IdentityBuilder(typeof(CmsUser), typeof(CmsRole), services).AddSignInManager();
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);
        services.AddAuthorization();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        services.AddHostedService<DevRoleSeeder>();
        return services;
    }

    [GeneratedRegex("^(View|ViewOwn|Preview|PreviewOwn|Edit|EditOwn|Publish|PublishOwn|Delete|DeleteOwn|ListContent)_[A-Za-z0-9]+$")]
    private static partial Regex ContentPermissionPattern();

    private static bool IsPermission(string name) => Permissions.Global.Contains(name) || ContentPermissionPattern().IsMatch(name);

    private sealed class PermissionRequirement(string permission) : IAuthorizationRequirement
    {
        public string Permission { get; } = permission;
    }

    private sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
    {
        public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName) =>
            await base.GetPolicyAsync(policyName) ?? (IsPermission(policyName)
                ? new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(policyName)).Build()
                : null);
    }

    private sealed class PermissionHandler(IAdminPermissions permissions) : AuthorizationHandler<PermissionRequirement>
    {
        protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
        {
            if ((await permissions.GetGrantedAsync(context.User)).Contains(requirement.Permission))
            {
                context.Succeed(requirement);
            }
        }
    }

    /// <summary>The newsroom roles with their default permissions, created once when missing.</summary>
    private sealed class DevRoleSeeder(IServiceScopeFactory scopes) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await using var scope = scopes.CreateAsyncScope();
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<CmsRole>>();
            string[] types = ["Article", "Author", "Section"];
            var editor = types.SelectMany(t => new[] { $"View_{t}", $"Preview_{t}", $"Edit_{t}", $"Publish_{t}", $"Delete_{t}", $"ListContent_{t}" });
            var defaults = new Dictionary<string, (string Description, IEnumerable<string> Permissions)>
            {
                ["Editor"] = ("Edits, previews and publishes everything.", [Permissions.AccessAdminPanel, Permissions.ManageMedia, .. editor]),
                ["Author"] = ("Writes and previews own articles; does not publish.", [Permissions.AccessAdminPanel, "ViewOwn_Article", "PreviewOwn_Article", "EditOwn_Article", "DeleteOwn_Article", "ListContent_Article"]),
                ["Contributor"] = ("Edits own drafts only.", [Permissions.AccessAdminPanel, "EditOwn_Article", "ListContent_Article"]),
                [SystemRoles.Authenticated] = ("Every signed-in user.", []),
                [SystemRoles.Anonymous] = ("Every visitor.", []),
            };
            foreach (var (name, (description, permissions)) in defaults)
            {
                if (await roles.RoleExistsAsync(name))
                {
                    continue;
                }

                var role = new CmsRole { Name = name, Description = description };
                await roles.CreateAsync(role);
                foreach (var permission in permissions)
                {
                    await roles.AddClaimAsync(role, new Claim(SystemRoles.PermissionClaimType, permission));
                }
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
