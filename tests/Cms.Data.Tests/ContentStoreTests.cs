using Cms.Core;
using Cms.Core.Content;
using Cms.Core.Metadata;
using Cms.Core.Queries;
using Cms.Data.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Cms.Data.Tests;

/// <summary>
/// The content engine on a real database: version rules, paths, field index rows and queries. Each test gets
/// its own empty database with the <see cref="TestSchema"/> definitions; the subclasses pick the provider.
/// </summary>
public abstract partial class ContentStoreTests : IAsyncLifetime
{
    private ServiceProvider? _services;

    /// <summary>The text of every SQL command the store sends.</summary>
    protected Cms.Testing.SqlCommandCounter Commands { get; } = new();

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    protected RecordingEventHandler Events { get; } = new();

    protected IServiceProvider Services => _services ?? throw new InvalidOperationException("The database is not ready.");

    /// <summary>Makes an empty database and returns the options that point at it.</summary>
    protected abstract Task<CmsDataOptions> CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();

    public async Task InitializeAsync()
    {
        var options = await CreateDatabaseAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(Commands);
        services.AddScoped<TestContentAccess>();
        services.AddScoped<IContentAccess>(sp => sp.GetRequiredService<TestContentAccess>());
        services.AddSingleton(Events);
        services.AddSingleton<Core.Events.IContentEventHandler>(Events);
        services.AddCmsContent();
        services.AddCmsData(options);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await _services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        await InScopeAsync(async sp =>
        {
            var definitions = sp.GetRequiredService<IContentDefinitionManager>();
            var kinds = sp.GetRequiredService<ContentItemNormalizer>().FieldKindNames;
            await definitions.SaveAsync(ContentDefinitionJson.Apply(await definitions.GetAsync(), TestSchema.Definitions(), kinds, "$"));
        });
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await DropDatabaseAsync();
    }

    /// <summary>Runs <paramref name="action"/> in a new DI scope (a new request), as the caller set up by <paramref name="caller"/>.</summary>
    protected async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action, Action<TestContentAccess>? caller = null)
    {
        await using var scope = Services.CreateAsyncScope();
        caller?.Invoke(scope.ServiceProvider.GetRequiredService<TestContentAccess>());
        return await action(scope.ServiceProvider);
    }

    protected Task InScopeAsync(Func<IServiceProvider, Task> action, Action<TestContentAccess>? caller = null) =>
        InScopeAsync(async sp =>
        {
            await action(sp);
            return true;
        }, caller);

    /// <summary>One content manager call in its own scope, one minute after the previous one.</summary>
    protected Task<T> ContentAsync<T>(Func<IContentManager, Task<T>> action, Action<TestContentAccess>? caller = null)
    {
        Clock.Advance(TimeSpan.FromMinutes(1));
        return InScopeAsync(sp => action(sp.GetRequiredService<IContentManager>()), caller);
    }

    protected Task ContentAsync(Func<IContentManager, Task> action, Action<TestContentAccess>? caller = null) =>
        ContentAsync(async m =>
        {
            await action(m);
            return true;
        }, caller);

    protected Task<ContentItem> CreateAsync(ArticleBuilder article, bool publish = false, Action<TestContentAccess>? caller = null) =>
        ContentAsync(m => m.CreateAsync(article.Build(), publish), caller);

    protected Task<ContentItem> UpdateAsync(ContentItem from, ArticleBuilder article) =>
        ContentAsync(m => m.UpdateAsync(from.ContentItemId, from.ContentItemVersionId, article.Parts()));

    protected Task<ContentItem?> GetAsync(string contentItemId, VersionOptions options) =>
        ContentAsync(m => m.GetAsync(contentItemId, options));

    protected Task<IReadOnlyList<ContentItem>> VersionsAsync(string contentItemId) =>
        ContentAsync(m => m.GetVersionsAsync(contentItemId));

    protected Task<ContentQueryResult> QueryAsync(ContentQuery query) =>
        ContentAsync(m => m.QueryAsync(query));

    protected async Task<IReadOnlyList<string?>> TitlesAsync(ContentQuery query) =>
        (await QueryAsync(query)).Items.Select(i => i.DisplayText).ToList();

    protected Task<RowCounts> CountRowsAsync() => InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<CmsDbContext>();
        return new RowCounts(
            await db.ContentItems.CountAsync(),
            await db.TextFieldIndex.CountAsync(),
            await db.NumericFieldIndex.CountAsync(),
            await db.BooleanFieldIndex.CountAsync(),
            await db.DateTimeFieldIndex.CountAsync(),
            await db.ContentPickerFieldIndex.CountAsync(),
            await db.Documents.CountAsync());
    });

    /// <summary>The stored version row with its index rows, read straight from the tables.</summary>
    protected Task<Entities.ContentItemRecord> StoredVersionAsync(string contentItemVersionId) => InScopeAsync(sp =>
        sp.GetRequiredService<CmsDbContext>().ContentItems.AsNoTracking()
            .Include(r => r.TextFields)
            .Include(r => r.NumericFields)
            .Include(r => r.BooleanFields)
            .Include(r => r.DateTimeFields)
            .Include(r => r.ContentPickerFields)
            .AsSplitQuery()
            .SingleAsync(r => r.ContentItemVersionId == contentItemVersionId));
}
