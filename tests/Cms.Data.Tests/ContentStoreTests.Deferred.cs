using System.Globalization;
using Cms.Core.Content;
using Cms.Core.Fields;
using Cms.Core.Queries;
using Cms.Core.Storage;
using Cms.Data.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Data.Tests;

/// <summary>
/// Deferred saves (<see cref="IUnitOfWork.DeferSaves"/>), as the recipe Content step uses them: many imports through the
/// content manager, written together. The rows must be the ones single saves write, and the id and path rules must see
/// the items that are saved but not written yet.
/// </summary>
public abstract partial class ContentStoreTests
{
    private static readonly DateTime Created = new(2025, 6, 1, 7, 30, 0, DateTimeKind.Utc);

    [SkippableFact]
    public async Task Deferred_saves_store_the_same_rows_as_single_saves()
    {
        await ContentAsync(m => m.ImportAsync(Archived("single", "Grid upgrade"), "$"));
        await ImportDeferredAsync(Archived("deferred", "Grid upgrade"));

        var single = await StoredVersionAsync((await GetAsync("single", VersionOptions.Latest))!.ContentItemVersionId);
        var deferred = await StoredVersionAsync((await GetAsync("deferred", VersionOptions.Published))!.ContentItemVersionId);
        Assert.Equal("articles/grid-upgrade", single.Path);
        Assert.Equal("articles/grid-upgrade-2", deferred.Path);
        Assert.Equal(
            (single.ContentType, single.Latest, single.Published, single.Stage, single.CreatedUtc, single.ModifiedUtc, single.PublishedUtc, single.Owner, single.Revision),
            (deferred.ContentType, deferred.Latest, deferred.Published, deferred.Stage, deferred.CreatedUtc, deferred.ModifiedUtc, deferred.PublishedUtc, deferred.Owner, deferred.Revision));
        Assert.Equal(Created, deferred.CreatedUtc);
        Assert.Equal(DateTimeKind.Utc, deferred.PublishedUtc!.Value.Kind);
        Assert.Equal(single.Data.Replace("grid-upgrade", "grid-upgrade-2", StringComparison.Ordinal), deferred.Data);
        Assert.Equal(Rows(single), Rows(deferred));

        // The index rows and dates answer queries as those of a single save do.
        var byAuthor = await QueryAsync(new ContentQuery { ContentType = "Article", Where = new FieldFilter(FieldIndexKind.ContentPicker, "Article", "Authors", FilterOperator.Equal, "author-2") });
        Assert.Equal(["deferred", "single"], byAuthor.Items.Select(i => i.ContentItemId).Order(StringComparer.Ordinal));
        var since = await QueryAsync(new ContentQuery { ContentType = "Article", Where = new ColumnFilter(ContentColumn.PublishedUtc, FilterOperator.GreaterThan, Created) });
        Assert.Equal(2, since.Items.Count);
    }

    [SkippableFact]
    public async Task Deferred_saves_store_each_column_as_the_database_holds_a_single_save()
    {
        await ContentAsync(m => m.ImportAsync(Archived("single", "Grid upgrade"), "$"));
        await ImportDeferredAsync(Archived("deferred", "Grid upgrade"));
        var single = await StoredVersionAsync((await GetAsync("single", VersionOptions.Latest))!.ContentItemVersionId);
        var deferred = await StoredVersionAsync((await GetAsync("deferred", VersionOptions.Published))!.ContentItemVersionId);

        // Compared as stored (the value and the type the database gives it), not as EF reads it back: a date or a flag
        // written in another form would read back equal through EF's converters but sort and filter differently in SQL.
        var versions = await StoredRowsAsync("ContentItems", "Id", single.Id, deferred.Id);
        string[] differ = ["Id", "ContentItemId", "ContentItemVersionId", "Path", "Data"];
        Assert.Equal(Without(versions[single.Id], differ), Without(versions[deferred.Id], differ));
        foreach (var table in new[] { "TextFieldIndex", "NumericFieldIndex", "BooleanFieldIndex", "DateTimeFieldIndex", "ContentPickerFieldIndex" })
        {
            var rows = await StoredIndexRowsAsync(table, single.Id, deferred.Id);
            Assert.Equal(rows[single.Id], rows[deferred.Id]);
        }

        var search = await StoredRowsAsync("ContentSearch", "DocumentId", single.Id, deferred.Id);
        Assert.Equal(Without(search[single.Id], "Id", "ContentItemId", "DocumentId"), Without(search[deferred.Id], "Id", "ContentItemId", "DocumentId"));
    }

    [SkippableFact]
    public async Task A_batch_of_search_rows_larger_than_one_statement_is_written_whole_and_found()
    {
        // More than two statements' worth of search rows (several rows to a statement on SQLite) and a remainder.
        var items = Enumerable.Range(0, 2 * 50 + 7).Select(i => Archived($"batch-{i:000}", $"Harbour report number{i:000}")).ToArray();
        await ImportDeferredAsync(items);

        var stored = await InScopeAsync(sp => sp.GetRequiredService<CmsDbContext>().ContentSearch.AsNoTracking().Where(r => r.ContentItemId.StartsWith("batch-")).Select(r => r.ContentItemId).ToListAsync());
        Assert.Equal(items.Select(i => i.ContentItemId).Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
        foreach (var n in new[] { 0, 49, 50, 99, 100, 106 })
        {
            var found = await QueryAsync(new ContentQuery { FullText = new FullTextQuery([$"number{n:000}"]) });
            Assert.Equal([$"batch-{n:000}"], found.Items.Select(i => i.ContentItemId));
        }
    }

    [SkippableFact]
    public async Task Deferred_saves_see_items_not_written_yet_for_paths_and_ids()
    {
        var outcomes = await ImportDeferredAsync(
            Archived("first", "Budget day"),
            Archived("second", "Budget day"),
            Archived("first", "Budget day, revised"));

        Assert.Equal([ImportOutcome.Created, ImportOutcome.Created, ImportOutcome.Updated], outcomes);
        Assert.Equal("articles/budget-day-2", PathOf((await GetAsync("second", VersionOptions.Published))!));
        var first = await VersionsAsync("first");
        Assert.Equal(2, first.Count);
        Assert.Equal("Budget day, revised", (await GetAsync("first", VersionOptions.Published))!.DisplayText);
        Assert.Equal([false, true], first.Select(v => v.Published));
        Assert.Equal([false, true], first.Select(v => v.Latest));
    }

    [SkippableFact]
    public async Task A_path_taken_by_an_item_not_written_yet_is_refused_and_nothing_is_written()
    {
        var before = await CountRowsAsync();

        var error = await Assert.ThrowsAsync<ContentValidationException>(() => ImportDeferredAsync(
            Archived("first", "Budget day"),
            Archived("other", "Budget talks", path: "news/budget"),
            Archived("third", "Budget vote", path: "news/budget")));

        Assert.Equal("$[2].AutoroutePart.Path", error.Errors[0].Path);
        Assert.Contains("'other'", error.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountRowsAsync());
        Assert.Null(await GetAsync("first", VersionOptions.Latest));
    }

    [SkippableFact]
    public async Task The_commit_writes_what_deferred_saves_held_back()
    {
        await InScopeAsync(async sp =>
        {
            var unitOfWork = sp.GetRequiredService<IUnitOfWork>();
            await using var transaction = await unitOfWork.BeginAsync();
            using (unitOfWork.DeferSaves())
            {
                await sp.GetRequiredService<IContentManager>().ImportAsync(Archived("held", "Held back"), "$");
            }

            await transaction.CommitAsync();
        });

        Assert.Equal("Held back", (await GetAsync("held", VersionOptions.Published))!.DisplayText);
    }

    /// <summary>Imports the items in one transaction with saves deferred, as the recipe Content step does (without its flushes).</summary>
    private Task<IReadOnlyList<ImportOutcome>> ImportDeferredAsync(params ContentItem[] items) => InScopeAsync<IReadOnlyList<ImportOutcome>>(async sp =>
    {
        var unitOfWork = sp.GetRequiredService<IUnitOfWork>();
        var manager = sp.GetRequiredService<IContentManager>();
        var outcomes = new List<ImportOutcome>();
        await using var transaction = await unitOfWork.BeginAsync();
        using (unitOfWork.DeferSaves())
        {
            for (var i = 0; i < items.Length; i++)
            {
                outcomes.Add(await manager.ImportAsync(items[i], $"$[{i}]"));
            }

            await unitOfWork.FlushAsync();
        }

        await transaction.CommitAsync();
        return outcomes;
    });

    private static ContentItem Archived(string id, string title, string? path = null, string? body = null)
    {
        var article = ArticleBuilder.Titled(title).WithId(id).By("author-1", "author-2").WithLead("The lead.").Ranked(3).Featured(true).Tagged("energy").OnDate("2025-05-30T00:00:00Z");
        if (path is not null)
        {
            article.WithPath(path);
        }

        if (body is not null)
        {
            article.WithBody(body);
        }

        var item = article.Build();
        item.Published = true;
        item.CreatedUtc = Created;
        item.ModifiedUtc = Created;
        item.PublishedUtc = Created.AddHours(1);
        item.Owner = "editor-1";
        return item;
    }

    /// <summary>Each row of <paramref name="table"/> whose <paramref name="key"/> is one of <paramref name="ids"/>: column name to "stored type:value".</summary>
    private Task<Dictionary<long, Dictionary<string, string>>> StoredRowsAsync(string table, string key, params long[] ids) => InScopeAsync(async sp =>
    {
        var rows = new Dictionary<long, Dictionary<string, string>>();
        foreach (var row in await ReadStoredAsync(sp, table, key, ids))
        {
            rows[KeyOf(row, key)] = row;
        }

        return rows;
    });

    /// <summary>A version's index rows in one table as stored, without their own ids, in a stable order.</summary>
    private Task<Dictionary<long, List<string>>> StoredIndexRowsAsync(string table, params long[] documentIds) => InScopeAsync(async sp =>
    {
        var rows = documentIds.ToDictionary(id => id, _ => new List<string>());
        foreach (var row in await ReadStoredAsync(sp, table, "DocumentId", documentIds))
        {
            rows[KeyOf(row, "DocumentId")].Add(string.Join(", ", Without(row, "Id", "DocumentId").Select(c => $"{c.Key}={c.Value}")));
        }

        foreach (var list in rows.Values)
        {
            list.Sort(StringComparer.Ordinal);
        }

        return rows;
    });

    private static async Task<List<Dictionary<string, string>>> ReadStoredAsync(IServiceProvider sp, string table, string key, long[] ids)
    {
        var db = sp.GetRequiredService<CmsDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" WHERE \"{key}\" IN ({string.Join(", ", ids)})";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, string>>();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.GetValue(i);
                row[reader.GetName(i)] = value is DBNull ? "null" : $"{value.GetType().Name}:{Convert.ToString(value, CultureInfo.InvariantCulture)}";
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The number in a "stored type:value" column.</summary>
    private static long KeyOf(Dictionary<string, string> row, string column) => long.Parse(row[column].Split(':')[1], CultureInfo.InvariantCulture);

    private static SortedDictionary<string, string> Without(Dictionary<string, string> row, params string[] columns) =>
        new(row.Where(c => !columns.Contains(c.Key)).ToDictionary(c => c.Key, c => c.Value), StringComparer.Ordinal);

    private static string Rows(Entities.ContentItemRecord record) => string.Join("; ",
        record.TextFields.Select(r => $"text {r.ContentType}.{r.PartName}.{r.FieldName}={r.Value}")
            .Concat(record.NumericFields.Select(r => $"number {r.PartName}.{r.FieldName}={r.Value}"))
            .Concat(record.BooleanFields.Select(r => $"bool {r.PartName}.{r.FieldName}={r.Value}"))
            .Concat(record.DateTimeFields.Select(r => $"date {r.PartName}.{r.FieldName}={r.Value:O}/{r.Value?.Kind}"))
            .Concat(record.ContentPickerFields.Select(r => $"picker {r.PartName}.{r.FieldName}={r.Value}"))
            .Order(StringComparer.Ordinal));
}
