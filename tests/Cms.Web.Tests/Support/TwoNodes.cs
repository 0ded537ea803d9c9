using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cms.Recipes;
using Cms.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Web.Tests.Support;

/// <summary>
/// Two hosts (two nodes) on one PostgreSQL database, each with its own data directory, so nothing they share can come
/// from files. The database check interval is an hour: what one node learns from the other comes from the
/// notification and the event list, not from a poll.
/// </summary>
public sealed class TwoNodes : IAsyncDisposable
{
    public const string DeskClient = "desk";

    /// <summary>The recipe of the <see cref="DeskClient"/> API client (client credentials, in the Administrator role).</summary>
    public const string DeskRecipe = """
        {
          "name": "desk client",
          "steps": [
            {
              "name": "OpenIdApplication",
              "ClientId": "desk",
              "DisplayName": "desk",
              "Type": "Confidential",
              "ClientSecret": "test-secret-desk",
              "AllowClientCredentialsFlow": true,
              "RoleEntries": [ { "Name": "Administrator" } ]
            }
          ]
        }
        """;

    private TwoNodes(PostgresTestDatabase? database, string connectionString, CmsWebApplicationFactory a, CmsWebApplicationFactory b)
    {
        Database = database;
        ConnectionString = connectionString;
        A = a;
        B = b;
    }

    /// <summary>The test database, dropped at the end (null when the caller owns the database).</summary>
    public PostgresTestDatabase? Database { get; }

    public string ConnectionString { get; }

    public CmsWebApplicationFactory A { get; }

    public CmsWebApplicationFactory B { get; }

    public static async Task<TwoNodes> StartAsync(Action<CmsWebApplicationFactory>? configure = null)
    {
        var database = await PostgresTestDatabase.CreateAsync();
        return await StartAsync(database, database.ConnectionString, configure);
    }

    /// <summary>Two nodes on a database the caller made (and drops).</summary>
    public static Task<TwoNodes> StartAsync(string connectionString, Action<CmsWebApplicationFactory>? configure = null) =>
        StartAsync(null, connectionString, configure);

    private static async Task<TwoNodes> StartAsync(PostgresTestDatabase? database, string connectionString, Action<CmsWebApplicationFactory>? configure)
    {
        var a = Node(connectionString, configure);
        _ = a.Services;
        await RunRecipeAsync(a, DeskRecipe);
        var b = Node(connectionString, configure);
        _ = b.Services;
        return new TwoNodes(database, connectionString, a, b);
    }

    public static CmsWebApplicationFactory Node(string connectionString, Action<CmsWebApplicationFactory>? configure = null)
    {
        var node = new CmsWebApplicationFactory()
            .WithPostgres(connectionString)
            .WithSetting("Cms:Database:SharedStateCheckInterval", "01:00:00");
        configure?.Invoke(node);
        return node;
    }

    /// <summary>Runs a recipe in a node's process, as its admin screens or API would change things.</summary>
    public static async Task RunRecipeAsync(CmsWebApplicationFactory node, string json)
    {
        await using var scope = node.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteAsync(json, node.DataDirectory, new RecipeParameters());
    }

    /// <summary>Signs in to the admin of <paramref name="node"/> as the administrator; the session holds the auth cookie.</summary>
    public static async Task<CookieSession> SignInAsync(CmsWebApplicationFactory node)
    {
        var session = new CookieSession(node);
        var signIn = await session.SubmitFormAsync("/admin/login", "/admin/login", new()
        {
            ["Input.UserName"] = CmsWebApplicationFactory.AdminUserName,
            ["Input.Password"] = CmsWebApplicationFactory.AdminPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.NotEmpty(session.AuthCookie);
        return session;
    }

    /// <summary><paramref name="node"/> accepts <paramref name="token"/> of the <see cref="DeskClient"/> (<c>/api/me</c> answers for it).</summary>
    public static async Task AssertAcceptsTokenAsync(CmsWebApplicationFactory node, string token)
    {
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var answer = await node.CreateClient().SendAsync(me);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("\"desk\"", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary><paramref name="node"/> signs in the holder of <paramref name="session"/>'s auth cookie (its admin profile page answers 200).</summary>
    public static async Task AssertAcceptsCookieAsync(CmsWebApplicationFactory node, CookieSession session)
    {
        using var profile = await session.CopyAuthCookie(node).SendAsync(HttpMethod.Get, "/admin/profile");
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
    }

    public static async Task<JsonElement> QueryAsync(HttpClient http, string query)
    {
        using var response = await http.PostAsJsonAsync("/api/graphql", new { query });
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>Asks <paramref name="check"/> every 20 ms until it holds; returns how long that took (or fails after <paramref name="timeout"/>, default 10 s).</summary>
    public static async Task<TimeSpan> TimeUntilAsync(Func<Task<bool>> check, Func<string>? lastSeen = null, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!await check())
        {
            Assert.True(watch.Elapsed < limit, $"The awaited state did not come within {limit.TotalSeconds:0} seconds. " + lastSeen?.Invoke());
            await Task.Delay(20);
        }

        return watch.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        B.Dispose();
        A.Dispose();
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }
}
