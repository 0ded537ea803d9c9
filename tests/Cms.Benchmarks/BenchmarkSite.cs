using Cms.Core;
using Cms.Core.Content;
using Cms.Core.Storage;
using Cms.Data;
using Cms.Media;
using Cms.Recipes;
using Cms.Security;
using Cms.Workflow;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Cms.Benchmarks;

/// <summary>
/// The CMS services without a web server, in this process, on a fresh database: SQLite in a folder under the temp
/// directory, or a new database on a PostgreSQL server; set up with the newsroom recipe and a pool of authors, and
/// removed on dispose unless kept. For the benchmarks that import through <see cref="IContentManager"/> and measure in
/// process (import, search).
/// </summary>
internal sealed class BenchmarkSite : IAsyncDisposable
{
    public const int AuthorCount = 40;

    private readonly string _root;
    private readonly string? _postgresServer;
    private readonly string? _postgresDatabase;
    private readonly bool _keep;

    private BenchmarkSite(string root, string? postgresServer, string? postgresDatabase, CmsDataOptions options, bool keep)
    {
        _root = root;
        _postgresServer = postgresServer;
        _postgresDatabase = postgresDatabase;
        _keep = keep;
        Provider = options.Provider;
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddCmsContent();
        services.AddCmsData(options);
        services.AddCmsMedia(options);
        services.AddCmsRecipes();
        services.AddCmsSecurity(options); // the setup recipe's Roles step
        services.AddCmsWorkflow(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), runBackgroundServices: false); // the Workflow step
        Services = services.BuildServiceProvider();
    }

    public ServiceProvider Services { get; }

    public DatabaseProvider Provider { get; }

    /// <summary>Where the data is: the folder (SQLite) or the database's name (PostgreSQL).</summary>
    public string Location => _postgresDatabase ?? _root;

    /// <summary>A site named <paramref name="name"/>, on a new database on <paramref name="postgresServer"/> when one is given.</summary>
    public static async Task<BenchmarkSite> CreateAsync(string name, string? postgresServer, bool keep)
    {
        var root = Path.Combine(Path.GetTempPath(), "cms-benchmark", name + Guid.NewGuid().ToString("N"));
        var options = new CmsDataOptions { DataDirectory = root };
        string? database = null;
        if (postgresServer is not null)
        {
            database = await CreatePostgresDatabaseAsync(postgresServer);
            options.Provider = DatabaseProvider.Postgres;
            options.ConnectionString = new NpgsqlConnectionStringBuilder(postgresServer) { Database = database }.ConnectionString;
        }

        return new BenchmarkSite(root, postgresServer, database, options, keep);
    }

    /// <summary>A site on the SQLite database of an existing data folder (already set up), left as it is on dispose.</summary>
    public static BenchmarkSite Open(string dataDirectory) =>
        new(dataDirectory, null, null, new CmsDataOptions { DataDirectory = dataDirectory }, keep: true);

    /// <summary>Brings the schema up to date.</summary>
    public Task MigrateAsync() => Services.GetRequiredService<DatabaseInitializer>().MigrateAsync();

    /// <summary>Creates the schema, then applies the newsroom recipe (types and the 16 sections) and adds the authors.</summary>
    public async Task SetUpAsync()
    {
        await MigrateAsync();
        await using var scope = Services.CreateAsyncScope();
        var recipe = Path.Combine(AppContext.BaseDirectory, "recipes", "newsroom.recipe.json");
        await scope.ServiceProvider.GetRequiredService<RecipeExecutor>()
            .ExecuteFileAsync(recipe, new RecipeParameters { ["AdminUserId"] = "benchmark", ["AdminUsername"] = "benchmark" });
        var manager = scope.ServiceProvider.GetRequiredService<IContentManager>();
        for (var n = 0; n < AuthorCount; n++)
        {
            await manager.CreateAsync(ArticleGenerator.Author(n), publish: true);
        }
    }

    /// <summary>Creates <paramref name="count"/> generated articles, published, in one DI scope and one transaction, as an import batch does.</summary>
    public Task ImportBatchAsync(ArticleGenerator generator, int count) =>
        ImportBatchAsync(Enumerable.Range(0, count).Select(_ => generator.Next(AuthorCount)));

    /// <summary>Creates <paramref name="items"/>, published, in one DI scope and one transaction, as an import batch does.</summary>
    public async Task ImportBatchAsync(IEnumerable<ContentItem> items)
    {
        await using var scope = Services.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        var manager = scope.ServiceProvider.GetRequiredService<IContentManager>();
        await using var transaction = await unitOfWork.BeginAsync();
        foreach (var item in items)
        {
            await manager.CreateAsync(item, publish: true);
        }

        await transaction.CommitAsync();
    }

    /// <summary>A new database on <paramref name="server"/>, named <c>cms_bench_...</c>.</summary>
    public static async Task<string> CreatePostgresDatabaseAsync(string server)
    {
        var database = "cms_bench_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteOnServerAsync(server, $"CREATE DATABASE \"{database}\"");
        return database;
    }

    public static Task DropPostgresDatabaseAsync(string server, string database) =>
        ExecuteOnServerAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_keep)
        {
            return;
        }

        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (_postgresDatabase is not null)
        {
            await DropPostgresDatabaseAsync(_postgresServer!, _postgresDatabase);
        }

        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static async Task ExecuteOnServerAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
