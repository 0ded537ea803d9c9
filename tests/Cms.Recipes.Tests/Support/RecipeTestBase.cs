using Cms.Core;
using Cms.Core.Content;
using Cms.Core.Metadata;
using Cms.Core.Queries;
using Cms.Core.Settings;
using Cms.Data;
using Cms.Media;
using Cms.Security;
using Cms.Workflow;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Recipes.Tests.Support;

/// <summary>
/// The recipe executor with every step the host has on its own SQLite file and media folder. Each test class
/// instance (so each test) gets a fresh database; <see cref="RecipeFolder"/> is where recipe files and their
/// media sources are put.
/// </summary>
public abstract class RecipeTestBase : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cms-recipe-tests", Guid.NewGuid().ToString("N"));
    private ServiceProvider? _services;

    protected string DataDirectory => Path.Combine(_root, "data");

    protected string RecipeFolder => Path.Combine(_root, "recipe");

    protected string MediaRoot => Path.Combine(DataDirectory, "Media");

    protected static RecipeParameters Parameters => new() { ["AdminUserId"] = "admin-id", ["AdminUsername"] = "admin" };

    /// <summary>The repository's recipes folder, copied beside the test binaries.</summary>
    protected static string ShippedRecipes => Path.Combine(AppContext.BaseDirectory, "recipes");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(RecipeFolder);
        var dataOptions = new CmsDataOptions { DataDirectory = DataDirectory };
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCmsContent();
        services.AddCmsData(dataOptions);
        services.AddCmsMedia(dataOptions);
        services.AddCmsRecipes();
        // The shipped recipes also create roles and clients: the security steps are part of the executor here too.
        services.AddCmsSecurity(dataOptions);
        services.AddCmsWorkflow(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), runBackgroundServices: false); // the Workflow step
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await _services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>Runs recipe text in a new scope, with media sources looked up in <see cref="RecipeFolder"/>.</summary>
    protected Task<RecipeResult> RunAsync(string json, RecipeParameters? parameters = null) =>
        InScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(json, RecipeFolder, parameters ?? Parameters));

    protected Task<RecipeResult> RunFileAsync(string file, RecipeParameters? parameters = null) =>
        InScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ExecuteFileAsync(file, parameters ?? Parameters));

    /// <summary>Runs a recipe that must fail, and checks that it changed nothing.</summary>
    protected async Task<RecipeException> FailsWithoutChangesAsync(string json)
    {
        var before = await SnapshotAsync();
        var error = await Assert.ThrowsAsync<RecipeException>(() => RunAsync(json));
        Assert.Equal(before, await SnapshotAsync());
        return error;
    }

    protected async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = (_services ?? throw new InvalidOperationException("Not initialized.")).CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    protected Task<ContentQueryResult> QueryAsync(ContentQuery query) =>
        InScopeAsync(sp => sp.GetRequiredService<IContentManager>().QueryAsync(query with { IncludeTotal = true, Take = 1000 }));

    protected Task<ContentItem?> GetAsync(string id, VersionOptions options = VersionOptions.Latest) =>
        InScopeAsync(sp => sp.GetRequiredService<IContentManager>().GetAsync(id, options));

    protected Task<ContentDefinitionSet> DefinitionsAsync() =>
        InScopeAsync(sp => sp.GetRequiredService<IContentDefinitionManager>().GetAsync());

    protected Task<SiteSettings> SettingsAsync() =>
        InScopeAsync(sp => sp.GetRequiredService<ISiteSettingsService>().GetAsync());

    protected Task<DatabaseSnapshot> SnapshotAsync() => InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<CmsDbContext>();
        var versions = await db.ContentItems.AsNoTracking()
            .OrderBy(r => r.Id)
            .Select(r => r.ContentItemVersionId + (r.Latest ? " latest" : "") + (r.Published ? " published" : ""))
            .ToListAsync();
        var indexRows = await db.TextFieldIndex.CountAsync() + await db.NumericFieldIndex.CountAsync() + await db.BooleanFieldIndex.CountAsync()
            + await db.DateTimeFieldIndex.CountAsync() + await db.ContentPickerFieldIndex.CountAsync();
        var documents = await db.Documents.AsNoTracking()
            .OrderBy(d => d.Name).Select(d => d.Name + "@" + d.Revision).ToListAsync();
        var media = Directory.Exists(MediaRoot)
            ? Directory.EnumerateFiles(MediaRoot, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(MediaRoot, f)).Order(StringComparer.Ordinal).ToList()
            : [];
        return new DatabaseSnapshot(versions.Count, indexRows, string.Join("; ", versions), string.Join("; ", documents), string.Join("; ", media));
    });
}
