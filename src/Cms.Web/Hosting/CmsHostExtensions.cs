using Cms.Admin;
using Cms.Admin.Navigation;
using Cms.Core;
using Cms.Core.Security;
using Cms.Data;
using Cms.GraphQL;
using Cms.Media;
using Cms.Preview;
using Cms.Recipes;
using Cms.Security;
using Cms.Security.Keys;
using Cms.Web.Setup;
using Cms.Workflow;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Serilog;

namespace Cms.Web.Hosting;

/// <summary>Composes the capabilities and the cross-cutting defaults (logging, errors, health).</summary>
public static class CmsHostExtensions
{
    public static WebApplicationBuilder AddCmsHost(this WebApplicationBuilder builder)
    {
        builder.AddCmsLogging();
        builder.Services.AddCmsServices(builder.Configuration);
        builder.Services.AddCmsAdmin();
        builder.Services.AddAdminMenuItem(new AdminMenuItem("Developers", "GraphQL explorer", "/admin/graphql", "bi-braces", Permissions.ExecuteGraphQL, 40,
            "Try queries against the content API with your own permissions."));
        // Serve the admin theme's files (_content/TheAdmin/...) from the build output too, not only in Development.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddProblemDetails();
        builder.Services.AddCmsForwardedHeaders(builder.Configuration);
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Newsroom CMS content management API";
            document.Info.Description = "Content, workflow transitions, history, review comments and the audit trail. Authenticate with a bearer token from /connect/token (scope cms_api) or the admin cookie.";
            return Task.CompletedTask;
        }));
        builder.Services.AddExceptionHandler<CmsExceptionHandler>();
        // The exception table maps "not found" to 404 on purpose (e.g. an out-of-date media URL).
        builder.Services.Configure<ExceptionHandlerOptions>(options => options.AllowStatusCode404Response = true);
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<SetupHealthCheck>("setup", tags: ["ready"])
            .AddCheck<KeysHealthCheck>("keys", tags: ["ready"]);
        return builder;
    }

    /// <summary>Everything but the web pipeline; also used by the <c>recipe run</c> command.</summary>
    public static IServiceCollection AddCmsServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCmsContent();
        services.AddCmsData(configuration);
        var dataOptions = services.BuildDataOptions();
        services.AddCmsMedia(dataOptions);
        services.AddCmsRecipes();
        services.AddCmsSecurity(dataOptions);
        services.AddCmsSharedKeys(configuration);
        services.AddCmsGraphQL(configuration);
        services.AddCmsWorkflow(configuration);
        services.AddCmsPreview(configuration);
        services.PostConfigure<CmsGraphQLOptions>(graphQL =>
        {
            // Measured on 2 cores: SQLite queries keep a core busy from start to end, so one execution per core
            // answers fastest; PostgreSQL queries also wait on the server and need more running to fill the cores.
            if (graphQL.MaxConcurrentExecutions == 0)
            {
                graphQL.MaxConcurrentExecutions = (dataOptions.Provider == DatabaseProvider.Postgres ? 4 : 1) * Environment.ProcessorCount;
            }
        });
        services.AddOptions<SetupOptions>().Bind(configuration.GetSection("Cms:Setup")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SetupOptions>, SetupOptionsValidator>();
        services.AddSingleton<SetupState>();
        services.AddScoped<SetupService>();
        return services;
    }

    /// <summary>
    /// Migrates the database and, on first start, runs setup. Done before the server takes requests, under the start-up
    /// lock: nodes starting together on an empty database take turns, and the later ones find the work done.
    /// </summary>
    public static async Task InitializeCmsAsync(this WebApplication app)
    {
        app.Services.ValidateCmsSettings();
        IssuerCheck.WarnIfUnset(app);
        var database = app.Services.GetRequiredService<DatabaseInitializer>();
        await using var startup = await database.LockStartupAsync();
        await database.MigrateAsync();
        await app.Services.GetRequiredService<SharedKeys>().EnsureAsync();
        SharedKeysCheck.WarnIfUnencrypted(app);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SetupService>().RunIfNeededAsync();
    }

    /// <summary>
    /// Runs the start-up validation of every option registered with <c>ValidateOnStart</c> now, before the database
    /// is touched (the host would only do it when the server starts); throws with every problem found.
    /// </summary>
    public static void ValidateCmsSettings(this IServiceProvider services) =>
        services.GetService<IStartupValidator>()?.Validate();

    public static WebApplication UseCmsHost(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() => ReadyAnnouncement.Log(app));
        app.UseForwardedHeaders();

        // Outside the exception handler, so the line logs the status actually sent (a 413 from a body limit is not a 500).
        app.UseCmsRequestLogging();
        app.UseExceptionHandler();
        app.UseCmsSecurityHeaders();
        app.UseStatusCodePages();
        app.UseCmsAdminNotFoundPage();
        // Routing after the status-code pages, so a re-executed request (the admin's not-found page) is routed again.
        app.UseRouting();
        app.UseCmsMedia();
        app.UseStaticFiles();
        app.UseCmsSecurity();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapCmsSecurity();
        app.MapCmsAdmin();
        app.MapCmsGraphQL();
        app.MapCmsWorkflow();
        app.MapCmsPreview();
        app.MapOpenApi();
        app.MapGet("/", RootPage.RenderAsync).WithDisplayName("Root page");
        app.MapCmsMedia();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });
        return app;
    }

    private static CmsDataOptions BuildDataOptions(this IServiceCollection services) =>
        (CmsDataOptions)services.Last(d => d.ServiceType == typeof(CmsDataOptions)).ImplementationInstance!;

    private static void UseCmsRequestLogging(this WebApplication app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";

            // A client error is the client's: one Information line. Only server errors (5xx) are errors.
            options.GetLevel = (http, _, exception) =>
                exception is not null || http.Response.StatusCode >= 500 ? Serilog.Events.LogEventLevel.Error : Serilog.Events.LogEventLevel.Information;
            options.EnrichDiagnosticContext = (diagnostics, http) =>
            {
                diagnostics.Set("UserName", http.User.Identity?.IsAuthenticated == true ? http.User.Identity.Name : "anonymous");
                diagnostics.Set("TraceId", System.Diagnostics.Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier);

                // After the forwarded headers: behind a trusted proxy, the client's own address.
                diagnostics.Set("ClientIp", http.Connection.RemoteIpAddress?.ToString());
            };
        });
}
