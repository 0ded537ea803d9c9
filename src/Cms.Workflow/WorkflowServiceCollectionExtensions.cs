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
        if (runBackgroundServices)
        {
            services.AddHostedService<SchedulerService>();
        }

        services.AddSingleton<Data.SharedState.ISharedStateEventHandler, ContentEventRelay>();

        return services;
    }

    /// <summary>The content management API (<c>/api/content</c>), the editor's helpers beside it, and the audit query (<c>/api/audit</c>).</summary>
    public static IEndpointRouteBuilder MapCmsWorkflow(this IEndpointRouteBuilder endpoints) => endpoints.MapContentApi().MapEditorApi();
}
