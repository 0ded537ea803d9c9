using Cms.Core.Fields;
using Cms.Core.Queries;
using Cms.Data.Stores;
using Cms.Data.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Data.Tests;

/// <summary>The store tests on a SQLite file in a temporary folder.</summary>
public sealed class SqliteContentStoreTests : ContentStoreTests
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cms-data-tests", Guid.NewGuid().ToString("N"));

    protected override Task<CmsDataOptions> CreateDatabaseAsync() =>
        Task.FromResult(new CmsDataOptions { DataDirectory = _directory, Provider = DatabaseProvider.Sqlite });

    [Fact]
    public async Task The_newest_published_articles_of_a_section_are_one_range_of_the_picker_index_read_in_order()
    {
        var plan = await StorePlanAsync(SectionFront("sec-energy"));

        // The page is cut from the picker index (its rows carry the version's flag and date), read newest first without a
        // sort and stopped at the page; then the page's versions are read by key.
        Assert.Contains("USING COVERING INDEX IX_ContentPickerFieldIndex_Picked (ContentType=? AND PartName=? AND FieldName=? AND Value=? AND Published=?)", plan, StringComparison.Ordinal);
        Assert.Contains("USING INTEGER PRIMARY KEY (rowid=?)", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("IX_ContentItems_ContentType_Published_PublishedUtc", plan, StringComparison.Ordinal);
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
        Assert.Contains("IX_ContentPickerFieldIndex_DocumentId_PartName_FieldName_Value (DocumentId=? AND PartName=? AND FieldName=? AND Value=?)", plan, StringComparison.Ordinal);
    }

    private Task<string> PlanAsync(ContentQuery query) => PlanAsync(sp =>
    {
        var translator = new ContentQueryTranslator(sp.GetRequiredService<CmsDbContext>());
        return translator.Order(translator.Filter(query), query.OrderBy).Take(query.Take);
    });

    /// <summary>SQLite's plan for the page of <paramref name="query"/> as the store reads it.</summary>
    private Task<string> StorePlanAsync(ContentQuery query) =>
        PlanAsync(sp => ((EfContentStore)sp.GetRequiredService<Core.Storage.IContentStore>()).Page(query));

    private Task<string> PlanAsync(Func<IServiceProvider, IQueryable<Entities.ContentItemRecord>> rows) => InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<CmsDbContext>();
        await using var command = rows(sp).CreateDbCommand();
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

    [Fact]
    public async Task Deferred_rows_of_every_table_are_inserted_by_position_through_the_connection()
    {
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CmsDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            foreach (var type in new[] { typeof(Entities.ContentItemRecord), typeof(Entities.TextFieldIndexRecord), typeof(Entities.NumericFieldIndexRecord), typeof(Entities.BooleanFieldIndexRecord), typeof(Entities.DateTimeFieldIndexRecord), typeof(Entities.ContentPickerFieldIndexRecord), typeof(Entities.AuditEventRecord), typeof(Entities.ContentSearchRecord) })
            {
                using var insert = DeferredRows.Insert.Create(db, type, transaction.GetDbTransaction(), returning: true);
                Assert.IsType<DeferredRows.SqliteInsert>(insert);
            }
        });
    }

    [Fact]
    public async Task A_row_the_database_refuses_raises_its_error_and_the_next_row_is_still_written()
    {
        var written = await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CmsDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            using var insert = DeferredRows.Insert.Create(db, typeof(Entities.ContentItemRecord), transaction.GetDbTransaction(), returning: true);
            var first = await insert.ExecuteAsync(Version("v-1"), default);

            // The same version id again: the unique index refuses it.
            var error = await Assert.ThrowsAsync<SqliteException>(() => insert.ExecuteAsync(Version("v-1"), default));
            Assert.Equal(19, error.SqliteErrorCode);
            var second = await insert.ExecuteAsync(Version("v-2"), default);
            Assert.True(second > first);
            await transaction.CommitAsync();
            return await db.ContentItems.AsNoTracking().Where(r => r.ContentItemId == "refused").Select(r => r.ContentItemVersionId).OrderBy(v => v).ToListAsync();
        });

        Assert.Equal(["v-1", "v-2"], written);
    }

    [Fact]
    public async Task Deferred_saves_widen_the_page_cache_and_the_connection_gets_its_own_back()
    {
        var sizes = await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CmsDbContext>();
            var unitOfWork = sp.GetRequiredService<Core.Storage.IUnitOfWork>();
            await db.Database.OpenConnectionAsync();
            var before = await PageCacheAsync(db);
            long during;
            await using (var transaction = await unitOfWork.BeginAsync())
            {
                using (unitOfWork.DeferSaves())
                {
                    during = await PageCacheAsync(db);
                }

                await transaction.CommitAsync();
            }

            return (before, during, after: await PageCacheAsync(db));
        });

        Assert.Equal(-EfUnitOfWork.DeferredPageCacheKiB, sizes.during);
        Assert.NotEqual(sizes.before, sizes.during);
        Assert.Equal(sizes.before, sizes.after);
    }

    [Fact]
    public async Task A_repeated_list_runs_the_statement_prepared_by_the_first()
    {
        await CreateAsync(ArticleBuilder.Titled("Energy story"), publish: true);
        var reads = Services.GetRequiredService<PreparedReads>();
        ContentQuery Section(string id) => new()
        {
            ContentType = "Article",
            Where = new FieldFilter(FieldIndexKind.ContentPicker, "Article", "Section", FilterOperator.Equal, id),
            OrderBy = [ContentSort.By(ContentColumn.PublishedUtc, descending: true)],
            Take = 20,
        };

        await QueryAsync(Section("sec-news"));
        var prepared = reads.StatementsPrepared;
        var found = await QueryAsync(Section("sec-news"));
        var none = await QueryAsync(Section("sec-energy"));

        Assert.Single(found.Items);
        Assert.Empty(none.Items);
        Assert.Equal(prepared, reads.StatementsPrepared);
        Assert.Equal(1, reads.ConnectionsCreated);
    }

    [Fact]
    public async Task A_read_connection_holds_no_snapshot_between_reads()
    {
        var item = await CreateAsync(ArticleBuilder.Titled("Before"), publish: true);
        Assert.Equal("Before", Assert.Single((await QueryAsync(new ContentQuery { ContentType = "Article" })).Items).DisplayText);
        await UpdateAsync(item, ArticleBuilder.Titled("After"));
        await ContentAsync(m => m.PublishAsync(item.ContentItemId));

        var busy = await InScopeAsync(async sp =>
        {
            // With a reader's statement left unreset, its snapshot would hold the log: the checkpoint would report busy.
            var db = sp.GetRequiredService<CmsDbContext>();
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            return reader.GetInt64(0);
        });

        Assert.Equal(0, busy);
        Assert.Equal("After", Assert.Single((await QueryAsync(new ContentQuery { ContentType = "Article" })).Items).DisplayText);
    }

    private static Entities.ContentItemRecord Version(string versionId) => new()
    {
        ContentItemId = "refused",
        ContentItemVersionId = versionId,
        ContentType = "Article",
        Latest = true,
        CreatedUtc = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc),
    };

    private static async Task<long> PageCacheAsync(CmsDbContext db)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = "PRAGMA cache_size";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
