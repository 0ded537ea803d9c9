using System.Net;
using System.Text.Json;

namespace Cms.GraphQL.Tests.Support;

/// <summary>An HTTP answer from the GraphQL endpoint with its parsed JSON body (empty for 304).</summary>
public sealed record GraphQLResponse(HttpResponseMessage Http, JsonElement Body, string Text)
{
    public HttpStatusCode Status => Http.StatusCode;

    public JsonElement Data => Body.GetProperty("data");

    public bool HasErrors => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("errors", out _);

    public IReadOnlyList<string> ErrorMessages =>
        HasErrors ? Body.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()!).ToList() : [];

    public IReadOnlyList<string?> ErrorCodes =>
        HasErrors
            ? Body.GetProperty("errors").EnumerateArray().Select(e => e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var c) ? c.GetString() : null).ToList()
            : [];

    /// <summary><c>data.{field}</c> as a list of the values of <paramref name="property"/>.</summary>
    public IReadOnlyList<string?> List(string field, string property = "contentItemId") =>
        Data.GetProperty(field).EnumerateArray().Select(e => e.GetProperty(property).ValueKind == JsonValueKind.Null ? null : e.GetProperty(property).ToString()).ToList();

    public string? Header(string name) =>
        Http.Headers.TryGetValues(name, out var values) || Http.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;
}
