using Cms.Core.Content;
using Cms.Data;
using Cms.Recipes;
using Cms.Testing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Cms.GraphQL.Tests.Support;

/// <summary>
/// A real host (SQLite in a temp folder, newsroom recipe) with the test caller (<see cref="TestGrants"/>), a SQL
/// command counter and the stand-in "Api" scheme, seeded with Recipes/graphql-test.recipe.json.
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
        {
            services.AddSingleton(Grants);
            services.AddScoped<IContentAccess, TestContentAccess>();
            services.AddSingleton(Counter);
            services.ConfigureDbContext<SqliteCmsDbContext>(options => options.AddInterceptors(Counter));
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TestApiAuthenticationHandler>(TestApiAuthenticationHandler.SchemeName, null);
        });
        configure?.Invoke(Factory);
    }

    public CmsWebApplicationFactory Factory { get; }

    public TestGrants Grants { get; } = new();

    public SqlCommandCounter Counter { get; } = new();

    public GraphQLClient Client { get; private set; } = null!;

    protected virtual bool Seed => true;

    public async Task InitializeAsync()
    {
        Client = new GraphQLClient(Factory.CreateClient());
        if (Seed)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var recipes = scope.ServiceProvider.GetRequiredService<RecipeExecutor>();
            await recipes.ExecuteFileAsync(Path.Combine(AppContext.BaseDirectory, "Recipes", "graphql-test.recipe.json"), new RecipeParameters());
        }
    }

    /// <summary>Runs <paramref name="action"/> as the system (everything allowed), e.g. to publish in a test.</summary>
    public async Task AsSystemAsync(Func<IServiceProvider, Task> action)
    {
        Grants.AllowAll();
        await using var scope = Factory.Services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}
