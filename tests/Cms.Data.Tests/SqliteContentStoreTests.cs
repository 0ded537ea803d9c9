using Cms.Core.Fields;
using Cms.Core.Queries;
using Cms.Data.Stores;
using Cms.Data.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Data.Tests;

/// <summary>The store tests on a SQLite file in a temporary folder.</summary>
public sealed class SqliteContentStoreTests : ContentStoreTests
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cms-data-tests", Guid.NewGuid().ToString("N"));

    protected override Task<CmsDataOptions> CreateDatabaseAsync() =>
        Task.FromResult(new CmsDataOptions { DataDirectory = _directory, Provider = DatabaseProvider.Sqlite });

    [Fact]
    public async Task The_newest_published_articles_of_a_section_are_read_in_index_order_without_sorting()
    {
        var query = new ContentQuery
        {
            ContentType = "Article",
            Where = new FieldFilter(FieldIndexKind.ContentPicker, "Article", "Section", FilterOperator.Equal, "sec-energy"),
            OrderBy = [ContentSort.By(ContentColumn.PublishedUtc, descending: true)],
            Take = 20,
        };

        var plan = await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CmsDbContext>();
            var translator = new ContentQueryTranslator(db);
            await using var command = translator.Order(translator.Filter(query), query.OrderBy).Take(query.Take).CreateDbCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
            await db.Database.OpenConnectionAsync();
            await using var reader = await command.ExecuteReaderAsync();
            var lines = new List<string>();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(3));
            }

            return string.Join("\n", lines);
        });

        Assert.Contains("USING INDEX IX_ContentItems_ContentType_Published_PublishedUtc (ContentType=? AND Published=?)", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_statistics_are_refreshed_an_article_is_found_by_its_path_through_the_path_index()
    {
        for (var i = 0; i < 30; i++)
        {
            await CreateAsync(ArticleBuilder.Titled($"Story number {i}"), publish: true);
        }

        await Services.GetRequiredService<Core.Storage.IStoreStatistics>().RefreshAsync();
        var query = new ContentQuery
        {
            ContentType = "Article",
            Where = new ColumnFilter(ContentColumn.Path, FilterOperator.Equal, "articles/story-number-3"),
            Take = 1,
        };

        var plan = await PlanAsync(query);
        var found = await QueryAsync(query);

        // Without statistics SQLite walks the (ContentType, Published, CreatedUtc) index newest first and reads every
        // article up to the one asked for; with them it seeks the path.
        Assert.Contains("USING INDEX IX_ContentItems_Path (Path=?)", plan, StringComparison.Ordinal);
        Assert.Equal("Story number 3", Assert.Single(found.Items).DisplayText);
    }

    [Fact]
    public async Task Even_without_statistics_a_section_front_probes_each_article_by_document_not_the_whole_section()
    {
        await CreateAsync(ArticleBuilder.Titled("Grid upgrade").InSection("sec-energy"), publish: true);
        await InScopeAsync(sp => sp.GetRequiredService<CmsDbContext>().Database.ExecuteSqlRawAsync("DROP TABLE IF EXISTS sqlite_stat1;"));
        SqliteConnection.ClearAllPools();

        var exists = await SectionFrontExistsSqlAsync();
        var plan = await PlanAsync(new ContentQuery
        {
            ContentType = "Article",
            Where = new FieldFilter(FieldIndexKind.ContentPicker, "Article", "Section", FilterOperator.Equal, "sec-energy"),
            OrderBy = [ContentSort.By(ContentColumn.PublishedUtc, descending: true)],
            Take = 20,
        });

        // Given the type, SQLite without statistics picked the value index for the per-article sub-query and read the
        // whole section for every article it walked (100 times slower at 2,000 articles).
        Assert.DoesNotContain("\"ContentType\"", exists, StringComparison.Ordinal);
        Assert.Contains("IX_ContentPickerFieldIndex_DocumentId_PartName_FieldName (DocumentId=? AND PartName=? AND FieldName=?)", plan, StringComparison.Ordinal);
    }

    private Task<string> PlanAsync(ContentQuery query) => InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<CmsDbContext>();
        var translator = new ContentQueryTranslator(db);
        await using var command = translator.Order(translator.Filter(query), query.OrderBy).Take(query.Take).CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await db.Database.OpenConnectionAsync();
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(3));
        }

        return string.Join("\n", lines);
    });

    protected override Task DropDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }

        return Task.CompletedTask;
    }
}
