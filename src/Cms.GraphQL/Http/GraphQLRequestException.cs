namespace Cms.GraphQL.Http;

/// <summary>A request that cannot be run at all (bad JSON, wrong media type, too large ...): answered with <see cref="StatusCode"/>.</summary>
internal sealed class GraphQLRequestException(int statusCode, string code, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
    public string Code { get; } = code;
}
