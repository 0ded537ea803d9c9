using Cms.Core.Content;
using Cms.Core.Fields;
using Cms.Core.Queries;
using Cms.Data.Tests.Support;

namespace Cms.Data.Tests;

public abstract partial class ContentStoreTests
{
    /// <summary>
    /// Alpha, Bravo, Delta and Foxtrot are published (in that order); Delta has a draft on top ("Delta, revised");
    /// Charlie is a draft; Echo was published and deleted; Foxtrot belongs to another user. One Note too.
    /// </summary>
    private async Task SeedAsync()
    {
        await CreateAsync(ArticleBuilder.Titled("Alpha grid").WithLead("Power lines north").InSection("sec-energy").By("author-1")
            .Ranked(3).Featured(true).OnDate("2026-01-10T00:00:00Z").Tagged("grid", "energy"), publish: true);
        await CreateAsync(ArticleBuilder.Titled("Bravo budget").WithLead("The budget vote").InSection("sec-economy").By("author-2")
            .Ranked(1).Featured(false).OnDate("2026-02-10T00:00:00Z").Tagged("budget"), publish: true);
        await CreateAsync(ArticleBuilder.Titled("Charlie climate").WithLead("Heat records").InSection("sec-energy").By("author-1", "author-2")
            .Ranked(2).Featured(false).OnDate("2026-03-10T00:00:00Z").Tagged("climate", "energy"));
        var delta = await CreateAsync(ArticleBuilder.Titled("Delta dams").WithLead("Water levels").InSection("sec-energy").By("author-3")
            .Ranked(5).Featured(true).OnDate("2026-04-10T00:00:00Z"), publish: true);
        await UpdateAsync(delta, ArticleBuilder.Titled("Delta, revised").WithLead("Water levels").InSection("sec-energy").By("author-3")
            .Ranked(6).Featured(true).OnDate("2026-04-10T00:00:00Z"));
        var echo = await CreateAsync(ArticleBuilder.Titled("Echo exports").InSection("sec-economy").By("author-3").Ranked(4), publish: true);
        await ContentAsync(m => m.DeleteAsync(echo.ContentItemId));
        await CreateAsync(ArticleBuilder.Titled("Foxtrot freight").WithLead("Rail freight grows").InSection("sec-logistics").By("author-4")
            .Ranked(0).Featured(false).OnDate("2026-05-10T00:00:00Z"), publish: true, caller: c => c.Actor = new ContentActor("user-2", "reporter", false));
        await ContentAsync(m => m.CreateAsync(TestSchema.Note("Desk note", "Check the grid story", 1), publish: false));
    }

    private static ContentQuery Articles(ContentStatus status = ContentStatus.Published, ContentFilter? where = null) => new()
    {
        ContentType = "Article",
        Status = status,
        Where = where,
        OrderBy = [ContentSort.By(ContentColumn.DisplayText)],
    };

    [SkippableFact]
    public async Task Queries_read_the_versions_of_the_status_asked_for()
    {
        await SeedAsync();

        Assert.Equal(["Alpha grid", "Bravo budget", "Delta dams", "Foxtrot freight"], await TitlesAsync(Articles(ContentStatus.Published)));
        Assert.Equal(["Charlie climate", "Delta, revised"], await TitlesAsync(Articles(ContentStatus.Draft)));
        Assert.Equal(["Alpha grid", "Bravo budget", "Charlie climate", "Delta, revised", "Foxtrot freight"], await TitlesAsync(Articles(ContentStatus.Latest)));
        Assert.Equal(
            ["Alpha grid", "Bravo budget", "Charlie climate", "Delta dams", "Delta, revised", "Echo exports", "Foxtrot freight"],
            await TitlesAsync(Articles(ContentStatus.All)));
    }

    [SkippableFact]
    public async Task Queries_filter_by_type()
    {
        await SeedAsync();

        Assert.Equal(["Desk note"], await TitlesAsync(new ContentQuery { ContentType = "Note" }));
        Assert.Equal(5, (await QueryAsync(new ContentQuery { ContentType = null, Status = ContentStatus.Published })).Items.Count);
    }

    [SkippableFact]
    public async Task Queries_filter_by_owner()
    {
        await SeedAsync();

        Assert.Equal(["Foxtrot freight"], await TitlesAsync(Articles(where: new ColumnFilter(ContentColumn.Owner, FilterOperator.Equal, "user-2"))));
        Assert.Equal(
            ["Alpha grid", "Bravo budget", "Delta dams"],
            await TitlesAsync(Articles(where: new NotFilter(new ColumnFilter(ContentColumn.Owner, FilterOperator.Equal, "user-2")))));
    }

    [SkippableFact]
    public async Task Queries_filter_by_text_field_exactly_or_case_insensitively_by_part()
    {
        await SeedAsync();

        Assert.Equal(["Bravo budget"], await TitlesAsync(Articles(where: Text("Lead", FilterOperator.Equal, "The budget vote"))));
        Assert.Empty(await TitlesAsync(Articles(where: Text("Lead", FilterOperator.Equal, "the budget vote"))));
        Assert.Equal(["Alpha grid", "Delta dams"], await TitlesAsync(Articles(where: new OrFilter([Text("Lead", FilterOperator.Contains, "NORTH"), Text("Lead", FilterOperator.StartsWith, "water")]))));
        Assert.Equal(["Foxtrot freight"], await TitlesAsync(Articles(where: Text("Lead", FilterOperator.EndsWith, "Grows"))));
    }

    [SkippableFact]
    public async Task Queries_filter_by_tag()
    {
        await SeedAsync();

        Assert.Equal(["Alpha grid", "Charlie climate"], await TitlesAsync(Articles(ContentStatus.Latest, Text("Tags", FilterOperator.Equal, "energy"))));
        Assert.Equal(["Alpha grid", "Bravo budget"], await TitlesAsync(Articles(where: Text("Tags", FilterOperator.In, new[] { "grid", "budget" }))));
    }

    [SkippableFact]
    public async Task Queries_filter_by_numeric_field_ranges()
    {
        await SeedAsync();

        Assert.Equal(["Alpha grid", "Delta dams"], await TitlesAsync(Articles(where: Field(FieldIndexKind.Numeric, "Rank", FilterOperator.GreaterThanOrEqual, 3))));
        Assert.Equal(["Delta, revised"], await TitlesAsync(Articles(ContentStatus.Latest, Field(FieldIndexKind.Numeric, "Rank", FilterOperator.GreaterThan, 5))));
        Assert.Equal(
            ["Bravo budget", "Foxtrot freight"],
            await TitlesAsync(Articles(where: new AndFilter([Field(FieldIndexKind.Numeric, "Rank", FilterOperator.LessThan, 3), Field(FieldIndexKind.Numeric, "Rank", FilterOperator.GreaterThanOrEqual, 0)]))));
        Assert.Equal(["Bravo budget"], await TitlesAsync(Articles(where: Field(FieldIndexKind.Numeric, "Rank", FilterOperator.Equal, 1))));
    }

    [SkippableFact]
    public async Task Queries_filter_by_boolean_field()
    {
        await SeedAsync();

        Assert.Equal(["Alpha grid", "Delta dams"], await TitlesAsync(Articles(where: Field(FieldIndexKind.Boolean, "Featured", FilterOperator.Equal, true))));
        Assert.Equal(["Bravo budget", "Foxtrot freight"], await TitlesAsync(Articles(where: Field(FieldIndexKind.Boolean, "Featured", FilterOperator.Equal, false))));
    }

    [SkippableFact]
    public async Task Queries_filter_by_date_field()
    {
        await SeedAsync();

        Assert.Equal(
            ["Alpha grid", "Bravo budget"],
            await TitlesAsync(Articles(where: Field(FieldIndexKind.DateTime, "EventDate", FilterOperator.LessThan, new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc)))));
        Assert.Equal(
            ["Delta dams", "Foxtrot freight"],
            await TitlesAsync(Articles(where: Field(FieldIndexKind.DateTime, "EventDate", FilterOperator.GreaterThanOrEqual, "2026-04-10T04:00:00+04:00"))));
    }

    [SkippableFact]
    public async Task Queries_filter_by_picked_item()
    {
        await SeedAsync();

        Assert.Equal(["Alpha grid", "Delta dams"], await TitlesAsync(Articles(where: Field(FieldIndexKind.ContentPicker, "Section", FilterOperator.Equal, "sec-energy"))));
        Assert.Equal(["Alpha grid", "Charlie climate", "Delta, revised"], await TitlesAsync(Articles(ContentStatus.Latest, Field(FieldIndexKind.ContentPicker, "Section", FilterOperator.Equal, "sec-energy"))));
        Assert.Equal(["Bravo budget", "Charlie climate"], await TitlesAsync(Articles(ContentStatus.Latest, Field(FieldIndexKind.ContentPicker, "Authors", FilterOperator.Equal, "author-2"))));
        Assert.Empty(await TitlesAsync(Articles(where: Field(FieldIndexKind.ContentPicker, "Authors", FilterOperator.Equal, "sec-energy"))));
    }

    [SkippableFact]
    public async Task Queries_sort_by_column()
    {
        await SeedAsync();

        Assert.Equal(
            ["Foxtrot freight", "Delta dams", "Bravo budget", "Alpha grid"],
            await TitlesAsync(Articles() with { OrderBy = [ContentSort.By(ContentColumn.PublishedUtc, descending: true)] }));
        Assert.Equal(
            ["Foxtrot freight", "Delta dams", "Bravo budget", "Alpha grid"],
            await TitlesAsync(Articles() with { OrderBy = [] }));
        Assert.Equal(
            ["Delta dams", "Bravo budget", "Alpha grid", "Foxtrot freight"],
            await TitlesAsync(Articles() with { OrderBy = [ContentSort.By(ContentColumn.Owner), ContentSort.By(ContentColumn.DisplayText, descending: true)] }));
    }

    [SkippableFact]
    public async Task Queries_sort_by_field_value()
    {
        await SeedAsync();

        Assert.Equal(
            ["Delta dams", "Alpha grid", "Bravo budget", "Foxtrot freight"],
            await TitlesAsync(Articles() with { OrderBy = [ContentSort.ByField(FieldIndexKind.Numeric, "Article", "Rank", descending: true)] }));
        Assert.Equal(
            ["Alpha grid", "Bravo budget", "Delta dams", "Foxtrot freight"],
            await TitlesAsync(Articles() with { OrderBy = [ContentSort.ByField(FieldIndexKind.DateTime, "Article", "EventDate")] }));
        Assert.Equal(
            ["Alpha grid", "Delta dams", "Bravo budget", "Foxtrot freight"],
            await TitlesAsync(Articles() with { OrderBy = [ContentSort.ByField(FieldIndexKind.Boolean, "Article", "Featured", descending: true), ContentSort.By(ContentColumn.DisplayText)] }));
    }

    [SkippableFact]
    public async Task Queries_page_with_skip_and_take_and_count_the_total_when_asked()
    {
        await SeedAsync();
        var query = Articles(ContentStatus.Latest) with { Skip = 1, Take = 2 };

        var page = await QueryAsync(query with { IncludeTotal = true });

        Assert.Equal(["Bravo budget", "Charlie climate"], page.Items.Select(i => i.DisplayText));
        Assert.Equal(5, page.Total);
        Assert.Null((await QueryAsync(query)).Total);
        Assert.Equal(["Foxtrot freight"], await TitlesAsync(query with { Skip = 4 }));
        Assert.Empty(await TitlesAsync(query with { Skip = 10 }));
    }

    [SkippableFact]
    public async Task Query_results_carry_the_whole_item()
    {
        await SeedAsync();

        var item = Assert.Single((await QueryAsync(Articles(where: Text("Lead", FilterOperator.Equal, "Power lines north")))).Items);

        Assert.Equal("Article", item.ContentType);
        Assert.True(item.Published);
        Assert.Equal("articles/alpha-grid", item.Part("AutoroutePart")!["Path"]!.GetValue<string>());
        Assert.Equal(["grid", "energy"], item.Part("Article")!["Tags"]!["Tags"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task Filters_of_the_wrong_kind_are_refused_as_bad_input()
    {
        await SeedAsync();

        await Assert.ThrowsAsync<ContentValidationException>(() => QueryAsync(Articles(where: Text("Lead", FilterOperator.GreaterThan, "a"))));
        await Assert.ThrowsAsync<ContentValidationException>(() => QueryAsync(Articles(where: Field(FieldIndexKind.Numeric, "Rank", FilterOperator.Contains, "1"))));
        await Assert.ThrowsAsync<ContentValidationException>(() => QueryAsync(Articles(where: Field(FieldIndexKind.DateTime, "EventDate", FilterOperator.Equal, "someday"))));
        await Assert.ThrowsAsync<ContentValidationException>(() => QueryAsync(Articles(where: Field(FieldIndexKind.None, "Body", FilterOperator.Equal, "x"))));
    }

    private static FieldFilter Text(string field, FilterOperator op, object value) => Field(FieldIndexKind.Text, field, op, value);

    private static FieldFilter Field(FieldIndexKind kind, string field, FilterOperator op, object value) => new(kind, "Article", field, op, value);
}
