using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Recipes;
using Cms.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Cms.Workflow.Tests.Support;

/// <summary>
/// The real host (newsroom recipe, real security) with the clock under the test's control and the background
/// scheduler off, so a test moves time and runs the scheduler itself. Seeded with workflow-test.recipe.json:
/// client applications acting as Contributor (two), Author and Editor, a section and an author.
/// </summary>
public sealed class WorkflowHost : IAsyncDisposable
{
    private WorkflowHost(CmsWebApplicationFactory factory, FakeTimeProvider clock)
    {
        Factory = factory;
        Clock = clock;
    }

    public CmsWebApplicationFactory Factory { get; }

    public FakeTimeProvider Clock { get; }

    public HttpClient Http { get; private set; } = null!;

    public ClientCredentials Credentials { get; private set; } = null!;

    public static async Task<WorkflowHost> StartAsync(string? postgres = null, string? dataDirectory = null, bool seed = true, FakeTimeProvider? clock = null, Action<IServiceCollection>? services = null, Action<CmsWebApplicationFactory>? configure = null)
    {
        clock ??= new FakeTimeProvider(DateTimeOffset.UtcNow);
        var factory = new CmsWebApplicationFactory()
            .WithSetting("Cms:Workflow:Enabled", "false")
            .WithServices(s => s.AddSingleton<TimeProvider>(clock));
        if (services is not null)
        {
            factory.WithServices(services);
        }

        if (dataDirectory is not null)
        {
            factory.WithSetting("Cms:DataDirectory", dataDirectory);
        }

        if (postgres is not null)
        {
            factory.WithPostgres(postgres);
        }

        configure?.Invoke(factory);

        var http = factory.CreateClient();
        var host = new WorkflowHost(factory, clock) { Http = http, Credentials = new ClientCredentials(http) };
        if (seed)
        {
            await host.AsSystemAsync(sp => sp.GetRequiredService<RecipeExecutor>()
                .ExecuteFileAsync(Path.Combine(AppContext.BaseDirectory, "Recipes", "workflow-test.recipe.json"), new RecipeParameters()));
        }

        return host;
    }

    /// <summary>Moves the clock. Tokens are issued again afterwards: the token server reads the same clock, so old ones may have expired.</summary>
    public void Advance(TimeSpan by)
    {
        Clock.Advance(by);
        Credentials.Forget();
    }

    /// <summary>A client-credentials token of a client from the test recipe.</summary>
    public Task<string> TokenAsync(string clientId) => Credentials.TokenAsync(clientId);

    /// <summary>Calls the API as a client (null: anonymously), with an optional JSON body and If-Match.</summary>
    public async Task<ApiResponse> SendAsync(string? clientId, HttpMethod method, string url, object? body = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (clientId is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(clientId));
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch.StartsWith('"') ? ifMatch : $"\"{ifMatch}\"");
        }

        if (body is not null)
        {
            var json = body is JsonNode node ? node.ToJsonString() : JsonSerializer.Serialize(body);
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new ApiResponse((int)response.StatusCode, text, response.Headers.ETag?.Tag.Trim('"'));
    }

    public Task<ApiResponse> GetAsync(string? clientId, string url) => SendAsync(clientId, HttpMethod.Get, url);

    public Task<ApiResponse> PostAsync(string? clientId, string url, object? body = null, string? ifMatch = null) => SendAsync(clientId, HttpMethod.Post, url, body ?? new { }, ifMatch);

    /// <summary>Anonymous GraphQL, as a front end reads the site.</summary>
    public async Task<JsonNode> GraphQLAsync(string query, string? clientId = null)
    {
        var response = await SendAsync(clientId, HttpMethod.Post, "/api/graphql", new { query });
        Assert.Equal(200, response.Status);
        return response.Json;
    }

    /// <summary>Runs <paramref name="action"/> in a service scope outside any request: the system, which may do everything.</summary>
    public async Task AsSystemAsync(Func<IServiceProvider, Task> action)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }

    public async Task<T> AsSystemAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public ValueTask DisposeAsync()
    {
        Http.Dispose();
        Factory.Dispose();
        return ValueTask.CompletedTask;
    }
}
