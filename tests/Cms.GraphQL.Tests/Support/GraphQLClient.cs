using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Cms.GraphQL.Tests.Support;

/// <summary>Sends GraphQL requests the way a front end does: POST JSON, POST application/graphql, or GET.</summary>
public sealed class GraphQLClient(HttpClient http)
{
    public const string Path = "/api/graphql";

    public HttpClient Http { get; } = http;

    public Task<GraphQLResponse> PostAsync(string query, object? variables = null, string? accept = null, string? token = null, object? extensions = null, string? operationName = null) =>
        PostJsonAsync(JsonSerializer.Serialize(new { query, variables, extensions, operationName }), accept, token);

    public async Task<GraphQLResponse> PostJsonAsync(string json, string? accept = null, string? token = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new StringContent(json, Encoding.UTF8, contentType) };
        return await SendAsync(request, accept, token);
    }

    public Task<GraphQLResponse> GetAsync(string? query, object? variables = null, string? accept = null, string? ifNoneMatch = null, object? extensions = null)
    {
        var parameters = new List<string>();
        if (query is not null)
        {
            parameters.Add("query=" + Uri.EscapeDataString(query));
        }

        if (variables is not null)
        {
            parameters.Add("variables=" + Uri.EscapeDataString(JsonSerializer.Serialize(variables)));
        }

        if (extensions is not null)
        {
            parameters.Add("extensions=" + Uri.EscapeDataString(JsonSerializer.Serialize(extensions)));
        }

        return GetUrlAsync(Path + "?" + string.Join('&', parameters), accept, ifNoneMatch);
    }

    public async Task<GraphQLResponse> GetUrlAsync(string url, string? accept = null, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return await SendAsync(request, accept, token: null);
    }

    public async Task<GraphQLResponse> SendAsync(HttpRequestMessage request, string? accept, string? token)
    {
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length > 0 && text.TrimStart().StartsWith('{') ? JsonDocument.Parse(text).RootElement.Clone() : default;
        return new GraphQLResponse(response, body, text);
    }
}
