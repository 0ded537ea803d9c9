using Cms.Data;
using Cms.GraphQL.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Cms.GraphQL.Tests;

/// <summary>
/// What keeps the uncached read path fast: planner statistics after setup and recipes (without them SQLite walks
/// every article to find one by path), a constant number of SQL commands for an article page whatever its relations,
/// and answers without HTML escaping (a body's every tag used to cost 12 bytes more as \u003C...\u003E).
/// </summary>
public sealed class ReadPathTests(GraphQLHost host) : IClassFixture<GraphQLHost>
{
    private const string ArticleByPath = """
        query Article($path: String!) {
          article(first: 1, where: { autoroutePart: { path: $path } }) {
            contentItemId displayText htmlBodyPart { html }
            section { contentItems { displayText } }
            authors { contentItems { ... on Author { displayText bio { html } } } }
          }
        }
        """;

    [Fact]
    public async Task Html_in_an_answer_is_sent_as_is_and_the_answer_is_marked_nosniff()
    {
        var response = await host.Client.PostAsync("{ author(orderBy: { contentItemId: ASC }) { bio { html } } }");

        Assert.False(response.HasErrors, response.Text);
        Assert.Contains("<p>", response.Text, StringComparison.Ordinal);
        Assert.Contains("</p>", response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u003C", response.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\\u003E", response.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("nosniff", response.Header("X-Content-Type-Options"));
        Assert.StartsWith("application/json", response.Http.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quotes_backslashes_and_control_characters_in_an_answer_stay_escaped_json()
    {
        // A value that only valid JSON escaping can carry: the body must still parse and give it back unchanged.
        var response = await host.Client.PostAsync("query($p: String!) { article(where: { autoroutePart: { path: $p } }) { contentItemId } }", new { p = "a\"b\\c\n</script>" });

        Assert.False(response.HasErrors, response.Text);
        Assert.Empty(response.List("article"));
    }

    [Fact]
    public async Task The_database_has_planner_statistics_after_setup_and_after_a_recipe()
    {
        var rows = await StatisticsRowsAsync("ContentItems", "IX_ContentItems_Path");

        // sqlite_stat1 "N 1": N rows in the table, about one row per path: the planner knows a path finds one article.
        Assert.NotNull(rows);
        var counts = rows!.Split(' ');
        Assert.True(int.Parse(counts[0], System.Globalization.CultureInfo.InvariantCulture) > 10, rows);
        // Rows per path: one per article, two where a draft sits on a published version.
        Assert.InRange(int.Parse(counts[1], System.Globalization.CultureInfo.InvariantCulture), 1, 2);
    }

    [Fact]
    public async Task An_article_by_path_costs_the_same_few_SQL_commands_as_a_lookup_without_relations()
    {
        var token = await host.TokenAsync("previewer"); // a token: no response cache, every request runs its SQL
        var path = (await host.Client.PostAsync("{ article(first: 1, orderBy: { contentItemId: ASC }) { autoroutePart { path } } }", token: token))
            .Data.GetProperty("article")[0].GetProperty("autoroutePart").GetProperty("path").GetString();
        await host.Client.PostAsync(ArticleByPath, new { path }, token: token);

        host.Counter.Reset();
        var page = await host.Client.PostAsync(ArticleByPath, new { path }, token: token);
        var commands = host.Counter.Commands;

        Assert.False(page.HasErrors, page.Text);
        Assert.Single(page.List("article"));

        // The article; its section and authors were read by the request before (PublishedItemCache), where a first
        // reader reads them in one batch (PublishedItemCacheTests).
        Assert.Equal(1, commands.Count(c => c.Contains("\"ContentItems\"", StringComparison.Ordinal)));
        Assert.InRange(commands.Count, 1, 3);
    }

    private async Task<string?> StatisticsRowsAsync(string table, string index)
    {
        string? stat = null;
        await host.AsSystemAsync(async services =>
        {
            var db = services.GetRequiredService<CmsDbContext>();
            stat = await db.Database
                .SqlQuery<string>($"SELECT stat AS \"Value\" FROM sqlite_stat1 WHERE tbl = {table} AND idx = {index}")
                .FirstOrDefaultAsync();
        });
        return stat;
    }
}
