using Cms.Core.Content;
using Cms.Core.Events;
using Cms.Recipes;
using Cms.Workflow.Api;
using Cms.Workflow.Audit;
using Cms.Workflow.Comments;
using Cms.Workflow.Definitions;
using Cms.Workflow.Desk;
using Cms.Workflow.Engine;
using Cms.Workflow.Events;
using Cms.Workflow.History;
using Cms.Workflow.Recipes;
using Cms.Workflow.Scheduling;
using Cms.Workflow.Webhooks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cms.Workflow;

public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// Editorial workflows (stages, transitions, review permissions) as the content manager's
    /// <see cref="IContentWorkflow"/>; the audit trail and its event list; review comments; scheduled publishing;
    /// history and diffs; the <c>Workflow</c> recipe step. Configuration: <c>Cms:Workflow</c>, <c>Cms:Audit</c>.
    /// </summary>
    public static IServiceCollection AddCmsWorkflow(this IServiceCollection services, IConfiguration configuration, bool runBackgroundServices = true)
    {
        services.Configure<SchedulerOptions>(configuration.GetSection("Cms:Workflow"));
        services.Configure<AuditOptions>(configuration.GetSection("Cms:Audit"));
        services.AddScoped<WorkflowDefinitionStore>();
        services.RemoveAll<IContentWorkflow>();
        services.AddScoped<IContentWorkflow, EditorialContentWorkflow>();
        services.AddScoped<IContentChangeHandler, ContentAuditHandler>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<ReviewThread>();
        services.AddScoped<PublishingScheduler>();
        services.AddScoped<ContentHistory>();
        services.AddScoped<WorkflowService>();
        services.AddScoped<ContentDesk>();
        services.AddScoped<IAuthorizationHandler, ContentDeskAuthorizationHandler>();
        services.AddAuthorizationBuilder().AddPolicy(ContentDeskRequirement.PolicyName, policy => policy.AddRequirements(new ContentDeskRequirement()));
        services.AddScoped<ContentEventFeed>();
        services.AddScoped<Editor.EditorAutosaves>();
        services.AddScoped<Editor.EditorLookups>();
        services.AddScoped<IContentChangeHandler, Editor.AutosaveCleanup>();
        services.AddRecipeStep<WorkflowStep>();
        AddWebhooks(services, configuration);
        if (runBackgroundServices)
        {
            services.AddHostedService<WebhookDeliveryService>();
            services.AddHostedService<SchedulerService>();
        }

        services.AddSingleton<Data.SharedState.ISharedStateEventHandler, ContentEventRelay>();

        return services;
    }

    /// <summary>
    /// Webhooks (<c>Cms:Webhooks</c>): the outbox written with each content change, the admin service, and the
    /// dispatcher's HTTP client: no redirects, no proxy, no cookies, its connections made by
    /// <see cref="WebhookTargetGuard"/>, and no request logging (a receiver's URL may carry a token).
    /// </summary>
    private static void AddWebhooks(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection("Cms:Webhooks"))
            .Validate(o => o.ClaimLease > o.Timeout, "Cms:Webhooks:ClaimLease must be longer than Cms:Webhooks:Timeout, or another host could send a delivery that is still under way.")
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.RetryDelay > TimeSpan.Zero && o.Timeout > TimeSpan.Zero, "Cms:Webhooks:PollInterval, RetryDelay and Timeout must be positive.")
            .ValidateOnStart();
        services.AddScoped<IContentChangeHandler, WebhookOutbox>();
        services.AddScoped<WebhookService>();
        services.AddScoped<WebhookDispatcher>();
        services.AddSingleton<WebhookTargetGuard>();
        services.AddSingleton<WebhookSecretProtector>();
        services.AddHttpClient(WebhookDispatcher.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => new System.Net.Http.SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                UseCookies = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(1),
                ConnectCallback = sp.GetRequiredService<WebhookTargetGuard>().ConnectAsync,
            })
            .RemoveAllLoggers();
    }

    /// <summary>The content management API (<c>/api/content</c>), the editor's helpers beside it, and the audit query (<c>/api/audit</c>).</summary>
    public static IEndpointRouteBuilder MapCmsWorkflow(this IEndpointRouteBuilder endpoints) => endpoints.MapContentApi().MapEditorApi().MapWebhookApi();
}
