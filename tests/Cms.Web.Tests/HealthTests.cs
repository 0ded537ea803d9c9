using System.Net;
using System.Text.Json;
using Cms.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Web.Tests;

[Collection(nameof(Support.SerialCollection))]
public sealed class HealthTests : IClassFixture<CmsWebApplicationFactory>
{
    private readonly CmsWebApplicationFactory _factory;

    public HealthTests(CmsWebApplicationFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task Liveness_answers_200_with_json()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readiness_answers_200_with_the_database_and_setup_checks()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        var checks = body.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("setup").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("keys").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readiness_answers_503_when_the_shared_keys_cannot_be_decrypted_while_liveness_stays_200()
    {
        using var site = new CmsWebApplicationFactory();
        using var client = site.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Cms.Data.CmsDbContext>();
            await db.OpenIdKeys.ExecuteUpdateAsync(k => k.SetProperty(r => r.Data, Convert.ToBase64String(new byte[64])));
        }

        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("checks").GetProperty("keys").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Requests_are_logged_with_method_path_and_status_but_no_secrets()
    {
        using var client = _factory.CreateClient();
        await client.GetAsync(new Uri("/health/ready?access_token=secret-token-value", UriKind.Relative));

        var log = Support.LogFiles.ReadAll(_factory.DataDirectory);

        Assert.Contains("\"RequestMethod\":\"GET\"", log, StringComparison.Ordinal);
        Assert.Contains("\"RequestPath\":\"/health/ready\"", log, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token-value", log, StringComparison.Ordinal);
        Assert.DoesNotContain(CmsWebApplicationFactory.AdminPassword, log, StringComparison.Ordinal);
    }
}
