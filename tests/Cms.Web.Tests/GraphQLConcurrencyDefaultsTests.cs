using Cms.GraphQL;
using Cms.Web.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Cms.Web.Tests;

/// <summary>How many GraphQL queries execute at once when <c>Cms:GraphQL:MaxConcurrentExecutions</c> is not set.</summary>
public sealed class GraphQLConcurrencyDefaultsTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "cms-tests", Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("Sqlite", null, 1)]
    [InlineData("Postgres", null, 4)]
    [InlineData("Postgres", "3", 0)]
    public void Executions_per_core_depend_on_the_database_unless_configured(string provider, string? configured, int perCore)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cms:DataDirectory"] = _dataDirectory,
            ["Cms:Database:Provider"] = provider,
            ["ConnectionStrings:Cms"] = provider == "Postgres" ? "Host=127.0.0.1;Database=never_opened" : null,
            ["Cms:GraphQL:MaxConcurrentExecutions"] = configured,
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddCmsServices(configuration).BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<CmsGraphQLOptions>>().Value;

        Assert.Equal(configured is null ? perCore * Environment.ProcessorCount : int.Parse(configured, System.Globalization.CultureInfo.InvariantCulture), options.MaxConcurrentExecutions);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
