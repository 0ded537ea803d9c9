using Cms.Core.Content;
using Cms.Data;
using Cms.Data.Entities;
using Cms.Recipes;
using Cms.Security.Identity;
using Cms.Security.OpenId;
using Cms.Security.Permissions;
using Cms.Security.Roles;
using Cms.Security.Setup;
using Cms.Security.TwoFactor;
using Cms.Security.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Cms.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>
    /// Users and roles (ASP.NET Core Identity on the CMS database, admin cookie), permissions (policies named after
    /// permissions, resource checks on content items), the OpenID Connect server at <c>/connect/*</c> and bearer token
    /// validation for <c>/api/*</c>. Configuration: <c>Cms:OpenId</c> (see <see cref="CmsOpenIdOptions"/>).
    /// </summary>
    public static IServiceCollection AddCmsSecurity(this IServiceCollection services, CmsDataOptions dataOptions)
    {
        services.AddHttpContextAccessor();
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        // Cookie and token-provider keys survive restarts and are shared by every node: they live in the database
        // (Keys/SharedKeysServiceCollectionExtensions).
        services.AddDataProtection().SetApplicationName("NewsroomCms");

        AddIdentity(services);
        AddPermissions(services);
        AddOpenId(services);

        services.AddScoped<AdministratorSetup>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<Core.Security.IUserDirectory, Users.UserDirectory>();
        services.AddScoped<RoleAdministration>();
        services.AddScoped<OpenIdClientStore>();
        services.AddScoped<ClientAdministration>();
        services.AddScoped<OpenIdIdentityFactory>();
        services.AddRecipeStep<RolesStep>();
        services.AddRecipeStep<OpenIdApplicationStep>();
        return services;
    }

    private static void AddIdentity(IServiceCollection services)
    {
        services.AddOptions<SignInRateLimitOptions>().BindConfiguration("Cms:Security:SignInRateLimit");
        services.AddRateLimiter(_ => { });
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>().Configure<IServiceProvider>(SignInRateLimiter.Configure);

        // Lockout is the last line against guessing from many addresses: the per-address and per-name limits stop a
        // single attacker long before it, and an administrator can lift a lock (UserAdministration.UnlockAsync).
        services.AddIdentity<CmsUser, CmsRole>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.User.RequireUniqueEmail = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 10;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<CmsDbContext>()
            .AddDefaultTokenProviders()
            .AddSignInManager<CmsSignInManager>()
            .AddClaimsPrincipalFactory<CmsUserClaimsPrincipalFactory>();

        // Check the security stamp (and the enabled flag) on every request: disabling a user, changing their roles or
        // resetting their password signs them out at once.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = ".Cms.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/admin/login";
            options.LogoutPath = "/admin/logout";
            options.AccessDeniedPath = "/admin/access-denied";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;

            // API endpoints answer 401/403; pages (and /connect/authorize) redirect to the sign-in page.
            var toLogin = options.Events.OnRedirectToLogin;
            var toDenied = options.Events.OnRedirectToAccessDenied;
            options.Events.OnRedirectToLogin = context =>
            {
                if (IsApiRequest(context.Request))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                }

                return toLogin(context);
            };
            options.Events.OnRedirectToAccessDenied = context =>
            {
                if (IsApiRequest(context.Request))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                }

                return toDenied(context);
            };
        });

        // Two-factor sign-in: which roles must use it, and the short-lived cookie of the enrolment step (see TwoFactorService).
        services.AddOptions<TwoFactorOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var section = configuration.GetSection(TwoFactorOptions.Section);
            var values = section.GetChildren().Select(c => c.Value ?? "").Append(section.Value ?? "");
            options.RequireTwoFactorForRoles = [.. values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.OrdinalIgnoreCase)];
        });
        services.AddScoped<TwoFactorService>();

        services.AddAuthentication()
            .AddCookie(CmsAuthenticationSchemes.TwoFactorEnrolment, options =>
            {
                options.Cookie.Name = ".Cms.Enrol";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromMinutes(15);
                options.SlidingExpiration = false;
            })
            .AddPolicyScheme(CmsAuthenticationSchemes.Api, "Bearer token or admin cookie", options =>
                options.ForwardDefaultSelector = context => HasBearerToken(context.Request) ? CmsAuthenticationSchemes.Bearer : IdentityConstants.ApplicationScheme);
    }

    private static void AddPermissions(IServiceCollection services)
    {
        services.AddAuthorization();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        services.AddScoped<IAuthorizationHandler, ContentItemAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler>(sp => new ApiCredentialsRequirement(sp.GetRequiredService<IHttpContextAccessor>()));
        services.AddScoped<PermissionCatalogue>();
        services.AddScoped<IPermissionService, PermissionService>();
        services.AddSingleton<RolePermissionCache>();
        services.AddSingleton<IInterceptor, Audit.SecurityAuditInterceptor>();

        // The content manager asks the request's user from now on; without a request it acts as the system.
        services.RemoveAll<IContentAccess>();
        services.AddScoped<IContentAccess, HttpContextContentAccess>();
    }

    private static void AddOpenId(IServiceCollection services)
    {
        services.AddOptions<CmsOpenIdOptions>().BindConfiguration("Cms:OpenId").ValidateOnStart();
        services.AddSingleton<IValidateOptions<CmsOpenIdOptions>, CmsOpenIdOptionsValidator>();
        services.AddOpenIddict()
            .AddCore(options =>
            {
                options.UseEntityFrameworkCore().UseDbContext<CmsDbContext>();

                // No per-process copies of clients and tokens: a client changed or a token revoked on one node must
                // count on every node at its next request (one indexed read per token check).
                options.DisableEntityCaching();
            })
            .AddServer(options =>
            {
                options.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetRevocationEndpointUris("connect/revoke")
                    .SetUserInfoEndpointUris("connect/userinfo")
                    .SetEndSessionEndpointUris("connect/logout");
                options.AllowClientCredentialsFlow()
                    .AllowAuthorizationCodeFlow()
                    .AllowRefreshTokenFlow()
                    .RequireProofKeyForCodeExchange();

                // PKCE with S256 only: "plain" would hand the verifier to anyone who sees the authorization request.
                options.Configure(server => server.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                options.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Roles, Scopes.OfflineAccess, CmsScopes.Api);

                // Access tokens are signed JWTs (readable by front ends); codes and refresh tokens stay encrypted.
                options.DisableAccessTokenEncryption();
                options.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
            })
            .AddValidation(options =>
            {
                options.UseLocalServer();
                options.UseAspNetCore();
                options.EnableTokenEntryValidation();
                options.AddAudiences(CmsScopes.ApiAudience);
                options.AddEventHandler(ActorTokenValidationHandler.Descriptor);
            });

        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, OpenIdKeyConfiguration>();
        services.AddOptions<OpenIddictServerOptions>().Configure<IOptions<CmsOpenIdOptions>>((server, cms) =>
        {
            server.AccessTokenLifetime = cms.Value.AccessTokenLifetime;
            server.RefreshTokenLifetime = cms.Value.RefreshTokenLifetime;
            if (!string.IsNullOrWhiteSpace(cms.Value.Issuer))
            {
                server.Issuer = new Uri(cms.Value.Issuer, UriKind.Absolute);
            }
        });

        // HTTPS is required on /connect/* except in Development (or when explicitly allowed behind a proxy).
        services.AddOptions<OpenIddictServerAspNetCoreOptions>().Configure<IHostEnvironment, IOptions<CmsOpenIdOptions>>((aspNet, environment, cms) =>
            aspNet.DisableTransportSecurityRequirement = environment.IsDevelopment() || cms.Value.AllowHttp);
    }

    private static bool IsApiRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>The Api scheme's choice: a bearer token when the request carries one, else the admin cookie.</summary>
    internal static bool HasBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
}
