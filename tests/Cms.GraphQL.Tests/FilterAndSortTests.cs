using Cms.GraphQL.Tests.Support;
using Xunit;

namespace Cms.GraphQL.Tests;

/// <summary>
/// Every where operator and sort, run anonymously against the four test events (their own text, numeric, boolean,
/// date and picker fields) and the test articles (common columns, parts, picker references), plus paging and count.
/// </summary>
public sealed class FilterAndSortTests(GraphQLHost host) : IClassFixture<GraphQLHost>
{
    // event-1 Harbour Hall 120 free 2026-05-01 [author-t1]; event-2 City Library 40 2026-05-10 [author-t2];
    // event-3 Old Town Theatre 300 free 2026-06-02 [author-t1, author-t2]; event-4 Riverside Pavilion 75 2026-07-15 [].
    [Theory]
    [InlineData("{ venue: \"City Library\" }", "event-2")]
    [InlineData("{ venue_not: \"City Library\" }", "event-1 event-3 event-4")]
    [InlineData("{ venue_in: [\"City Library\", \"Harbour Hall\"] }", "event-1 event-2")]
    [InlineData("{ venue_not_in: [\"City Library\", \"Harbour Hall\"] }", "event-3 event-4")]
    [InlineData("{ venue_contains: \"Town\" }", "event-3")]
    [InlineData("{ venue_starts_with: \"River\" }", "event-4")]
    [InlineData("{ venue_ends_with: \"Hall\" }", "event-1")]
    [InlineData("{ capacity_gt: 75 }", "event-1 event-3")]
    [InlineData("{ capacity_gte: 75 }", "event-1 event-3 event-4")]
    [InlineData("{ capacity_lt: 75 }", "event-2")]
    [InlineData("{ capacity_lte: 75 }", "event-2 event-4")]
    [InlineData("{ capacity: 300 }", "event-3")]
    [InlineData("{ free: true }", "event-1 event-3")]
    [InlineData("{ free: false }", "event-2 event-4")]
    [InlineData("{ startsUtc_lt: \"2026-05-10T17:00:00Z\" }", "event-1")]
    [InlineData("{ startsUtc_lte: \"2026-05-10T17:00:00Z\" }", "event-1 event-2")]
    [InlineData("{ startsUtc_gte: \"2026-06-01T00:00:00Z\" }", "event-3 event-4")]
    [InlineData("{ speakers: { contentItemId: \"author-t1\" } }", "event-1 event-3")]
    [InlineData("{ speakers: { contentItemId_not: \"author-t1\" } }", "event-2 event-4")]
    [InlineData("{ AND: [{ free: true }, { capacity_lt: 200 }] }", "event-1")]
    [InlineData("{ OR: [{ venue_contains: \"Library\" }, { capacity_gt: 200 }] }", "event-2 event-3")]
    [InlineData("{ NOT: { free: true } }", "event-2 event-4")]
    [InlineData("{ displayText_contains: \"Pavilion\" }", "event-4")]
    [InlineData("{ contentItemId_in: [\"event-2\", \"event-4\", \"art-01\"] }", "event-2 event-4")]
    public async Task Each_operator_selects_exactly_the_matching_items(string where, string expected)
    {
        var response = await host.Client.PostAsync($"{{ event(where: {where}, orderBy: {{ contentItemId: ASC }}) {{ contentItemId }} }}");

        Assert.False(response.HasErrors, response.Text);
        Assert.Equal(expected.Split(' '), response.List("event"));
    }

    [Theory]
    [InlineData("{ capacity: ASC }", "event-2 event-4 event-1 event-3")]
    [InlineData("{ capacity: DESC }", "event-3 event-1 event-4 event-2")]
    [InlineData("{ venue: ASC }", "event-2 event-1 event-3 event-4")]
    [InlineData("{ startsUtc: DESC }", "event-4 event-3 event-2 event-1")]
    [InlineData("{ displayText: DESC }", "event-4 event-3 event-2 event-1")]
    public async Task Sorting_on_own_fields_and_common_columns(string orderBy, string expected)
    {
        var response = await host.Client.PostAsync($"{{ event(orderBy: {orderBy}) {{ contentItemId }} }}");

        Assert.False(response.HasErrors, response.Text);
        Assert.Equal(expected.Split(' '), response.List("event"));
    }

    [Fact]
    public async Task Articles_of_one_section_newest_first_with_paging_and_a_total_count()
    {
        const string Query = """
            query($skip: Int) {
              articlePage(where: { section: { contentItemId: "sec-economy" } }, orderBy: { contentItemId: DESC }, first: 5, skip: $skip) {
                totalCount
                items { contentItemId section { contentItemIds } }
              }
            }
            """;

        var first = await host.Client.PostAsync(Query, new { skip = 0 });
        var third = await host.Client.PostAsync(Query, new { skip = 10 });

        Assert.False(first.HasErrors, first.Text);
        var page = first.Data.GetProperty("articlePage");
        Assert.Equal(12, page.GetProperty("totalCount").GetInt32());
        Assert.Equal(["art-24", "art-22", "art-20", "art-18", "art-16"], page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("contentItemId").GetString()));
        Assert.All(page.GetProperty("items").EnumerateArray(), i => Assert.Equal("sec-economy", i.GetProperty("section").GetProperty("contentItemIds")[0].GetString()));
        Assert.Equal(["art-04", "art-02"], third.Data.GetProperty("articlePage").GetProperty("items").EnumerateArray().Select(i => i.GetProperty("contentItemId").GetString()));
    }

    [Fact]
    public async Task The_articles_of_one_author_and_by_path()
    {
        var byAuthor = await host.Client.PostAsync("{ event(where: { speakers: { contentItemId: \"author-t2\" } }, orderBy: { contentItemId: ASC }) { contentItemId } }");
        var byPath = await host.Client.PostAsync("{ article(where: { autoroutePart: { path: \"articles/test-article-07\" } }) { contentItemId } }");

        Assert.Equal(["event-2", "event-3"], byAuthor.List("event"));
        Assert.False(byPath.HasErrors, byPath.Text);
        Assert.Equal(["art-07"], byPath.List("article"));
    }

    [Fact]
    public async Task A_plain_list_does_not_count_and_a_page_without_items_does_not_load_them()
    {
        host.Counter.Reset();
        var list = await host.Client.PostAsync("{ event(where: { free: true }) { contentItemId } }");
        var listCommands = host.Counter.Commands.ToList();
        host.Counter.Reset();
        var count = await host.Client.PostAsync("{ eventPage(where: { free: true }) { totalCount } }");
        var countCommands = host.Counter.Commands.ToList();

        Assert.Equal(2, list.List("event").Count);
        Assert.DoesNotContain(listCommands, c => c.Contains("COUNT(", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(2, count.Data.GetProperty("eventPage").GetProperty("totalCount").GetInt32());
        Assert.Contains(countCommands, c => c.Contains("COUNT(", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(countCommands, c => c.Contains("\"Data\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_filter_on_a_field_the_type_does_not_have_is_a_validation_error()
    {
        var response = await host.Client.PostAsync("{ event(where: { seats_gt: 3 }) { contentItemId } }");

        Assert.True(response.HasErrors);
        Assert.Contains(response.ErrorMessages, m => m.Contains("seats_gt", StringComparison.Ordinal));
    }
}
