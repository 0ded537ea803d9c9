using System.Net;
using System.Text;
using Cms.GraphQL.Tests.Support;
using Xunit;

namespace Cms.GraphQL.Tests;

/// <summary>GraphQL over HTTP: the ways to send a query, media types and the status code of each kind of bad request.</summary>
public sealed class HttpProtocolTests(GraphQLHost host) : IClassFixture<GraphQLHost>
{
    private const string Query = "{ section(where: { contentItemId: \"sec-energy\" }) { displayText } }";

    [Fact]
    public async Task The_same_query_by_POST_json_POST_graphql_and_GET_gives_the_same_answer()
    {
        var json = await host.Client.PostAsync(Query);
        var graphql = await host.Client.PostJsonAsync(Query, contentType: "application/graphql");
        var get = await host.Client.GetAsync(Query);

        Assert.Equal("Energy", json.Data.GetProperty("section")[0].GetProperty("displayText").GetString());
        Assert.Equal(json.Text, graphql.Text);
        Assert.Equal(json.Text, get.Text);
        Assert.StartsWith("application/json", json.Header("Content-Type"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Variables_and_operationName_select_what_runs()
    {
        var response = await host.Client.PostAsync(
            "query One($id: ID) { section(where: { contentItemId: $id }) { displayText } } query Two { author(first: 1) { displayText } }",
            new { id = "sec-economy" },
            operationName: "One");

        Assert.False(response.HasErrors, response.Text);
        Assert.Equal("Economy", response.Data.GetProperty("section")[0].GetProperty("displayText").GetString());
    }

    [Fact]
    public async Task The_graphql_response_media_type_is_honoured_with_its_status_codes()
    {
        var ok = await host.Client.PostAsync(Query, accept: "application/graphql-response+json");
        var parseError = await host.Client.PostAsync("{ section { ", accept: "application/graphql-response+json");
        var validationError = await host.Client.PostAsync("{ section { nope } }", accept: "application/graphql-response+json");
        var parseErrorJson = await host.Client.PostAsync("{ section { ");

        Assert.Equal(HttpStatusCode.OK, ok.Status);
        Assert.StartsWith("application/graphql-response+json", ok.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, parseError.Status);
        Assert.False(parseError.Body.TryGetProperty("data", out _));
        Assert.Equal(HttpStatusCode.BadRequest, validationError.Status);
        Assert.Contains(validationError.ErrorMessages, m => m.Contains("nope", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, parseErrorJson.Status);
        Assert.True(parseErrorJson.HasErrors);
    }

    [Theory]
    [InlineData("{ \"query\": ", "INVALID_JSON")]
    [InlineData("[1, 2]", "INVALID_REQUEST")]
    [InlineData("{ \"query\": 42 }", "INVALID_REQUEST")]
    [InlineData("{ \"query\": \"{ section { displayText } }\", \"variables\": [1] }", "INVALID_REQUEST")]
    [InlineData("{ \"variables\": {} }", "QUERY_MISSING")]
    public async Task Malformed_bodies_get_400_with_a_clear_code(string body, string code)
    {
        var response = await host.Client.PostJsonAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal([code], response.ErrorCodes);
    }

    [Fact]
    public async Task Wrong_content_type_method_and_accept_get_415_405_and_406()
    {
        var form = await host.Client.PostJsonAsync("query=" + Uri.EscapeDataString(Query), contentType: "application/x-www-form-urlencoded");
        using var put = new HttpRequestMessage(HttpMethod.Put, GraphQLClient.Path) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        var putResponse = await host.Client.SendAsync(put, accept: null, token: null);
        var xml = await host.Client.GetAsync(Query, accept: "application/xml");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.Status);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, putResponse.Status);
        Assert.Equal(HttpStatusCode.NotAcceptable, xml.Status);
    }

    [Fact]
    public async Task A_mutation_sent_by_GET_is_refused_with_405()
    {
        var response = await host.Client.GetAsync("mutation { publish(contentItemId: \"art-01\") { contentItemId } }");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Contains("POST", response.Header("Allow"), StringComparison.Ordinal);
    }
}
