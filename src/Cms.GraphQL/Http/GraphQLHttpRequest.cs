using System.Text.Json;

namespace Cms.GraphQL.Http;

/// <summary>A GraphQL request as read from GET parameters or a POST body, before execution.</summary>
internal sealed record GraphQLHttpRequest
{
    public string? Query { get; init; }
    public string? OperationName { get; init; }

    /// <summary>The variables object, or null.</summary>
    public JsonElement? Variables { get; init; }

    /// <summary><c>extensions.persistedQuery.sha256Hash</c> (Apollo's automatic persisted queries), lower case.</summary>
    public string? PersistedQueryHash { get; init; }
}
