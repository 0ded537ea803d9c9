using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cms.Data;
using Cms.Security.OpenId;
using Cms.Security.Tests.Support;
using Cms.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Security.Tests;

/// <summary>
/// A write to <c>/api/*</c> signed in with the admin cookie needs the antiforgery token in the
/// <c>RequestVerificationToken</c> header, as the admin's scripts send it; bearer tokens and GraphQL queries do not.
/// SQLite and PostgreSQL.
/// </summary>
public abstract class ApiAntiforgeryTests
{
    protected abstract Task<SecurityTestFactory> CreateHostAsync();

    [SkippableFact]
    public async Task A_cookie_write_without_the_token_is_refused_and_writes_nothing_with_it_it_is_accepted()
    {
        await using var host = await CreateHostAsync();
        var session = await host.SignInSessionAsync(CmsWebApplicationFactory.AdminUserName, CmsWebApplicationFactory.AdminPassword);
        var mediaBefore = await MediaCountAsync(host);

        var refused = await session.SendAsync(HttpMethod.Post, "/api/content", JsonContent.Create(Author("Refused Writer")));
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var forged = await session.SendAsync(HttpMethod.Post, "/api/content", JsonContent.Create(Author("Forged Writer")), new Dictionary<string, string> { ["RequestVerificationToken"] = "not-a-token" });
        var refusedUpload = await session.SendAsync(HttpMethod.Post, "/api/media", Upload());
        var refusedCount = await CountAsync(host, "Refused Writer") + await CountAsync(host, "Forged Writer") + await MediaCountAsync(host) - mediaBefore;

        var token = await session.ApiTokenAsync();
        var accepted = await session.SendAsync(HttpMethod.Post, "/api/content", JsonContent.Create(Author("Accepted Writer")), new Dictionary<string, string> { ["RequestVerificationToken"] = token });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("RequestVerificationToken", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refusedUpload.StatusCode);
        Assert.Equal(0, refusedCount);
        Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync());
        Assert.Equal(1, await CountAsync(host, "Accepted Writer"));
    }

    [SkippableFact]
    public async Task Bearer_writes_and_cookie_GraphQL_queries_need_no_token()
    {
        await using var host = await CreateHostAsync();
        var client = await host.CreateClientAsync(new ClientInput { ClientId = TestHost.Unique("pipeline"), DisplayName = "Pipeline", AllowClientCredentialsFlow = true, Roles = ["Administrator"] });
        var api = host.Browser();
        var token = await api.ClientCredentialsTokenAsync(client.ClientId, client.Secret!);
        using var bearerWrite = new HttpRequestMessage(HttpMethod.Post, "/api/content") { Content = JsonContent.Create(Author("Bearer Writer")) };
        bearerWrite.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var bearer = await api.SendAsync(bearerWrite);

        var session = await host.SignInSessionAsync(CmsWebApplicationFactory.AdminUserName, CmsWebApplicationFactory.AdminPassword);
        var graphQL = await session.SendAsync(HttpMethod.Post, "/api/graphql", JsonContent.Create(new { query = "{ author(status: LATEST) { displayText } }" }));
        var body = await graphQL.Content.ReadAsStringAsync();

        Assert.True(bearer.IsSuccessStatusCode, await bearer.Content.ReadAsStringAsync());
        Assert.Equal(1, await CountAsync(host, "Bearer Writer"));
        Assert.Equal(HttpStatusCode.OK, graphQL.StatusCode);
        Assert.Contains("Bearer Writer", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"errors\"", body, StringComparison.Ordinal);
    }

    private static object Author(string name) => new { ContentType = "Author", TitlePart = new { Title = name } };

    private static MultipartFormDataContent Upload()
    {
        // A valid 1x1 PNG: the upload would be accepted if the request reached the endpoint.
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        var file = new ByteArrayContent(png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return new MultipartFormDataContent { { file, "file", "pixel.png" } };
    }

    private static Task<int> CountAsync(SecurityTestFactory host, string title) =>
        host.InScopeAsync(s => s.GetRequiredService<CmsDbContext>().ContentItems.AsNoTracking().CountAsync(c => c.DisplayText == title));

    private static Task<int> MediaCountAsync(SecurityTestFactory host) =>
        host.InScopeAsync(s => s.GetRequiredService<CmsDbContext>().MediaItems.AsNoTracking().CountAsync());
}

/// <summary><see cref="ApiAntiforgeryTests"/> on SQLite.</summary>
public sealed class SqliteApiAntiforgeryTests : ApiAntiforgeryTests
{
    protected override Task<SecurityTestFactory> CreateHostAsync() => Task.FromResult(new SecurityTestFactory());
}

/// <summary><see cref="ApiAntiforgeryTests"/> on PostgreSQL.</summary>
public sealed class PostgresApiAntiforgeryTests : ApiAntiforgeryTests, IAsyncDisposable
{
    private PostgresTestDatabase? _database;

    protected override async Task<SecurityTestFactory> CreateHostAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        var host = new SecurityTestFactory();
        host.WithPostgres(_database.ConnectionString);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
