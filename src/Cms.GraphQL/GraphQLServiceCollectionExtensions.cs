using Cms.Core.Events;
using Cms.Core.Security;
using Cms.GraphQL.Execution;
using Cms.GraphQL.Explorer;
using Cms.GraphQL.Http;
using Cms.GraphQL.Schema;
using Cms.GraphQL.Schema.Fields;
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
        foreach (var fieldKind in BuiltInGraphQLFieldKinds.All)
        {
            services.AddGraphQLFieldKind(fieldKind);
        }

        services.AddSingleton<GraphQLFieldKinds>();
        services.AddSingleton<ContentSchemaFactory>();
        services.AddSingleton<ContentSchemaProvider>();
        services.AddSingleton<GraphQLExecutor>();
        services.AddSingleton<GraphQLResponseCache>();
        services.AddSingleton<PublishedItemCache>();
        services.AddSingleton<ExecutionGate>();
        services.AddSingleton<PersistedQueryStore>();
        services.AddSingleton<GraphQLEndpoint>();
        services.AddSingleton<GraphiQLPage>();
        services.AddSingleton<IContentEventHandler, GraphQLCacheInvalidator>();
        return services;
    }

    /// <summary>
    /// The GraphQL shape of a field kind registered as <c>IContentFieldKind</c>: its fields then appear in the schema,
    /// with the where / orderBy keys the kind's <c>Query</c> describes. A later registration of a kind replaces an earlier one.
    /// </summary>
    public static IServiceCollection AddGraphQLFieldKind(this IServiceCollection services, GraphQLFieldKind fieldKind) =>
        services.AddSingleton(fieldKind);

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
