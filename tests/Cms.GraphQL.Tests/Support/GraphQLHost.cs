using System.Text.Json;
using Cms.Data;
using Cms.Recipes;
using Cms.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Cms.GraphQL.Tests.Support;

/// <summary>
/// The real host (SQLite in a temp folder, newsroom recipe, real security) seeded with
/// Recipes/graphql-test.recipe.json: test content, an Event type with every indexed field kind, and client
/// applications whose roles grant preview (<c>previewer</c>), preview of own articles (<c>anna-desk</c>) or no
/// GraphQL at all (<c>no-graphql</c>). Tokens come from <c>/connect/token</c>, as a front end gets them.
/// </summary>
public class GraphQLHost : IAsyncLifetime
{
    public GraphQLHost()
        : this(configure: null)
    {
    }

    protected GraphQLHost(Action<CmsWebApplicationFactory>? configure)
    {
        Factory = new CmsWebApplicationFactory().WithServices(services =>
            services.ConfigureDbContext<SqliteCmsDbContext>(options => options.AddInterceptors(Counter)))

            // Nothing else writes to the test database, and a periodic check would show up in the SQL counts.
            .WithSetting("Cms:Database:SharedStateCheckInterval", "01:00:00");
        configure?.Invoke(Factory);
    }

    public CmsWebApplicationFactory Factory { get; }

    public SqlCommandCounter Counter { get; } = new();

    public GraphQLClient Client { get; private set; } = null!;

    public ClientCredentials Credentials { get; private set; } = null!;

    protected virtual bool Seed => true;

    /// <summary>
    /// True for a host on a fresh PostgreSQL database of its own (dropped on dispose). Without <c>CMS_TEST_POSTGRES</c>
    /// such a host starts nothing (<see cref="Started"/> stays false); its tests call
    /// <see cref="TestEnvironment.RequirePostgres"/> first (skipped locally, failing in CI).
    /// </summary>
    protected virtual bool OnPostgres => false;

    /// <summary>False for a PostgreSQL host without a server: it started nothing, and there is nothing to seed.</summary>
    protected bool Started { get; private set; }

    private PostgresTestDatabase? _database;

    public virtual async Task InitializeAsync()
    {
        if (OnPostgres)
        {
            if (TestEnvironment.PostgresServer is null)
            {
                return;
            }

            _database = await PostgresTestDatabase.CreateAsync();
            Factory.WithPostgres(_database.ConnectionString);
        }

        Started = true;
        Client = new GraphQLClient(Factory.CreateClient());
        Credentials = new ClientCredentials(Client.Http);
        if (Seed)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var recipes = scope.ServiceProvider.GetRequiredService<RecipeExecutor>();
            await recipes.ExecuteFileAsync(Path.Combine(AppContext.BaseDirectory, "Recipes", "graphql-test.recipe.json"), new RecipeParameters());
        }
    }

    /// <summary>A client-credentials access token of a client from the test recipe (its secret is <c>test-secret-{clientId}</c>).</summary>
    public Task<string> TokenAsync(string clientId) => Credentials.TokenAsync(clientId);

    /// <summary>Runs <paramref name="action"/> in a service scope outside any request: the system, which may do everything.</summary>
    public async Task AsSystemAsync(Func<IServiceProvider, Task> action)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }

    public virtual async Task DisposeAsync()
    {
        Factory.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
