using Cms.Core.Events;
using Cms.Core.Security;
using Cms.GraphQL.Execution;
using Cms.GraphQL.Explorer;
using Cms.GraphQL.Http;
using Cms.GraphQL.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cms.GraphQL;

public static class GraphQLServiceCollectionExtensions
{
    /// <summary>The GraphQL API: schema generated from the content definitions, limits from <c>Cms:GraphQL</c>.</summary>
    public static IServiceCollection AddCmsGraphQL(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CmsGraphQLOptions>()
            .Bind(configuration.GetSection(CmsGraphQLOptions.Section))
            .Validate(o => o.MaxPageSize > 0 && o.DefaultPageSize > 0 && o.DefaultPageSize <= o.MaxPageSize, "Cms:GraphQL: DefaultPageSize must be between 1 and MaxPageSize.")
            .Validate(o => o.MaxRequestBytes > 0, "Cms:GraphQL:MaxRequestBytes must be positive.")
            .Validate(o => o.MaxConcurrentExecutions >= 0 && o.MaxQueuedExecutions >= 0, "Cms:GraphQL: MaxConcurrentExecutions and MaxQueuedExecutions cannot be negative.")
            .ValidateOnStart();
        services.AddSingleton<ContentSchemaFactory>();
        services.AddSingleton<ContentSchemaProvider>();
        services.AddSingleton<GraphQLExecutor>();
        services.AddSingleton<GraphQLResponseCache>();
        services.AddSingleton<ExecutionGate>();
        services.AddSingleton<PersistedQueryStore>();
        services.AddSingleton<GraphQLEndpoint>();
        services.AddSingleton<GraphiQLPage>();
        services.AddSingleton<IContentEventHandler, GraphQLCacheInvalidator>();
        return services;
    }

    /// <summary>Maps <c>/api/graphql</c> and the GraphiQL explorer at <c>/admin/graphql</c>.</summary>
    public static IEndpointRouteBuilder MapCmsGraphQL(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<CmsGraphQLOptions>>().Value;
        var endpoint = endpoints.ServiceProvider.GetRequiredService<GraphQLEndpoint>();
        endpoints.Map(options.Path, endpoint.HandleAsync).WithDisplayName("GraphQL").WithMetadata(ReadOnlyEndpointMetadata.Instance);
        var explorer = endpoints.ServiceProvider.GetRequiredService<GraphiQLPage>();
        endpoints.MapGet(options.ExplorerPath, explorer.HandlePageAsync).WithDisplayName("GraphiQL explorer");
        endpoints.MapGet(options.ExplorerPath.TrimEnd('/') + "/assets/{file}", explorer.HandleAssetAsync).WithDisplayName("GraphiQL assets");
        return endpoints;
    }
}
