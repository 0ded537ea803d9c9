using Cms.Core.Content;
using Cms.Core.Queries;
using Cms.Data.Tests.Support;

namespace Cms.Data.Tests;

public abstract partial class ContentStoreTests
{
    [SkippableFact]
    public async Task Saving_writes_one_index_row_per_indexed_value()
    {
        var created = await CreateAsync(ArticleBuilder.Titled("Grid upgrade")
            .WithLead("What the new lines mean")
            .InSection("sec-energy")
            .By("author-1", "author-2")
            .Ranked(3)
            .Featured(true)
            .OnDate("2026-04-01T12:00:00+04:00")
            .Tagged("Grid", "energy"));

        var stored = await StoredVersionAsync(created.ContentItemVersionId);

        Assert.Equal(
            [("Lead", "What the new lines mean"), ("Tags", "energy"), ("Tags", "grid")],
            stored.TextFields.Select(f => (f.FieldName, f.Value)).OrderBy(f => f.FieldName, StringComparer.Ordinal).ThenBy(f => f.Value, StringComparer.Ordinal));
        Assert.Equal(3, Assert.Single(stored.NumericFields).Value);
        Assert.True(Assert.Single(stored.BooleanFields).Value);
        Assert.Equal(new DateTime(2026, 4, 1, 8, 0, 0, DateTimeKind.Utc), Assert.Single(stored.DateTimeFields).Value);
        Assert.Equal(
            [("Authors", "author-1"), ("Authors", "author-2"), ("Section", "sec-energy")],
            stored.ContentPickerFields.Select(f => (f.FieldName, f.Value)).OrderBy(f => f.FieldName, StringComparer.Ordinal).ThenBy(f => f.Value, StringComparer.Ordinal));
        var all = stored.TextFields.Cast<Entities.FieldIndexRecord>().Concat(stored.NumericFields).Concat(stored.BooleanFields).Concat(stored.DateTimeFields).Concat(stored.ContentPickerFields);
        Assert.All(all, f => Assert.Equal(("Article", "Article"), (f.ContentType, f.PartName)));
    }

    [SkippableFact]
    public async Task Fields_left_out_get_no_index_rows()
    {
        var created = await CreateAsync(ArticleBuilder.Titled("Short"));

        var stored = await StoredVersionAsync(created.ContentItemVersionId);

        Assert.Empty(stored.TextFields);
        Assert.Empty(stored.NumericFields);
        Assert.Equal("sec-news", Assert.Single(stored.ContentPickerFields).Value);
    }

    [SkippableFact]
    public async Task Saving_in_place_replaces_the_index_rows()
    {
        var note = await ContentAsync(m => m.CreateAsync(TestSchema.Note("Reminder", "Call the desk", 1), publish: false));

        await ContentAsync(m => m.UpdateAsync(note.ContentItemId, note.ContentItemVersionId, TestSchema.Note("Reminder", "Call the printers", 5).Content));

        var stored = await StoredVersionAsync(note.ContentItemVersionId);
        Assert.Equal("Call the printers", Assert.Single(stored.TextFields).Value);
        Assert.Equal(5, Assert.Single(stored.NumericFields).Value);
        Assert.Equal(new RowCounts(Versions: 1, Text: 1, Numeric: 1, Boolean: 0, DateTime: 0, Picker: 0, Documents: 1), await CountRowsAsync());
    }

    [SkippableFact]
    public async Task A_new_version_gets_its_own_index_rows_and_the_old_version_keeps_its_own()
    {
        var live = await CreateAsync(ArticleBuilder.Titled("Grid upgrade").InSection("sec-energy").Tagged("grid"), publish: true);

        var draft = await UpdateAsync(live, ArticleBuilder.Titled("Grid upgrade").InSection("sec-economy").Tagged("budget"));

        Assert.Equal("sec-energy", Assert.Single((await StoredVersionAsync(live.ContentItemVersionId)).ContentPickerFields).Value);
        Assert.Equal("sec-economy", Assert.Single((await StoredVersionAsync(draft.ContentItemVersionId)).ContentPickerFields).Value);
        var bySection = (string section, ContentStatus status) => new ContentQuery
        {
            ContentType = "Article",
            Status = status,
            Where = new FieldFilter(Core.Fields.FieldIndexKind.ContentPicker, "Article", "Section", FilterOperator.Equal, section),
        };
        Assert.Single((await QueryAsync(bySection("sec-energy", ContentStatus.Published))).Items);
        Assert.Empty((await QueryAsync(bySection("sec-energy", ContentStatus.Latest))).Items);
        Assert.Single((await QueryAsync(bySection("sec-economy", ContentStatus.Latest))).Items);
        Assert.Empty((await QueryAsync(bySection("sec-economy", ContentStatus.Published))).Items);
    }

    [SkippableFact]
    public async Task Long_text_values_are_cut_to_the_index_column_length()
    {
        var lead = new string('x', CmsDbContext.IndexedTextLength + 100);

        var created = await CreateAsync(ArticleBuilder.Titled("Long").WithLead(lead));

        Assert.Equal(lead[..CmsDbContext.IndexedTextLength], Assert.Single((await StoredVersionAsync(created.ContentItemVersionId)).TextFields).Value);
        Assert.Equal(lead, (await GetAsync(created.ContentItemId, VersionOptions.Latest))!.Part("Article")!["Lead"]!["Text"]!.GetValue<string>());
    }
}
