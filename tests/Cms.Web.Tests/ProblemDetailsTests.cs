using System.Net;
using System.Text.Json;
using Cms.Testing;
using Cms.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Web.Tests;

public sealed class ProblemDetailsTests : IDisposable
{
    private readonly CmsWebApplicationFactory _factory = new CmsWebApplicationFactory()
        .WithServices(services => services.AddSingleton<IStartupFilter, ThrowingEndpoint>());

    public ProblemDetailsTests()
    {
        _factory.Environment = "Production";
    }

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("validation", HttpStatusCode.BadRequest, "The content is not valid.")]
    [InlineData("recipe", HttpStatusCode.BadRequest, "The recipe could not be applied.")]
    [InlineData("denied", HttpStatusCode.Forbidden, "Access denied.")]
    [InlineData("missing", HttpStatusCode.NotFound, "Not found.")]
    [InlineData("conflict", HttpStatusCode.Conflict, "The item was changed by someone else.")]
    public async Task Domain_errors_become_problem_details_with_their_status_message_and_trace_id(string kind, HttpStatusCode status, string title)
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync(new Uri($"/test/throw?kind={kind}", UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)status, body.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(title, body.RootElement.GetProperty("title").GetString());
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("detail").GetString()));
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("traceId").GetString()));
    }

    [Fact]
    public async Task Validation_errors_list_each_path_and_message()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync(new Uri("/test/throw?kind=validation", UriKind.Relative));

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = body.RootElement.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("path").GetString(), e.GetProperty("message").GetString())).ToList();
        Assert.Equal([("$.Article.Lead.Text", "must be a string."), ("$.Article.Rank.Value", "must be a number.")], errors);
    }

    [Fact]
    public async Task Conflicts_name_the_versions()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync(new Uri("/test/throw?kind=conflict", UriKind.Relative));

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("'v1'", body.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unexpected_errors_are_500_without_internal_details_in_production()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync(new Uri("/test/throw?kind=bug", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(ThrowingEndpoint.SecretDetail, text, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(text);
        Assert.Equal("An unexpected error occurred.", body.RootElement.GetProperty("title").GetString());
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("traceId").GetString()));
    }

    [Fact]
    public async Task An_unknown_address_is_a_404_problem()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync(new Uri("/no-such-page", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
