using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Cms.Core.Storage;
using Cms.Data;
using Cms.GraphQL.Tests.Support;
using Cms.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Cms.GraphQL.Tests.Search;

/// <summary>
/// GraphQL's <c>search</c> over the database's own full-text index, as an anonymous front end uses it: words of the
/// body, ranking, filters, paging, drafts kept out (results, snippets and totals), the index kept in the content
/// change's transaction, bounded input and safe snippets. Runs on SQLite and on PostgreSQL.
/// </summary>
public abstract class SearchTests(SearchHost host)
{
    private const string Query = """
        query Search($text: String!, $first: Int, $skip: Int, $section: ID, $author: ID, $from: DateTime, $to: DateTime) {
          search(text: $text, first: $first, skip: $skip, section: $section, author: $author, from: $from, to: $to) {
            totalCount
            items { score snippet item { contentItemId ... on Article { displayText } } }
          }
        }
        """;

    protected abstract void Require();

    [SkippableFact]
    public async Task Finds_an_article_by_a_word_of_its_body_with_the_word_marked_in_the_snippet()
    {
        Require();

        var result = await SearchAsync(new { text = "hatcheries" });

        Assert.Equal(["art-title"], Ids(result));
        Assert.Equal(1, Total(result));
        Assert.Contains("<mark>Hatcheries</mark>", Snippets(result)[0], StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Ranks_a_title_match_above_a_body_match()
    {
        Require();

        var result = await SearchAsync(new { text = "sturgeon" });

        Assert.Equal(["art-title", "art-body"], Ids(result));
        var scores = Items(result).Select(i => i.GetProperty("score").GetDouble()).ToList();
        Assert.True(scores[0] > scores[1], $"scores {scores[0]} and {scores[1]}");
    }

    [SkippableFact]
    public async Task Filters_by_section_author_and_publication_date()
    {
        Require();

        Assert.Equal(["art-body"], Ids(await SearchAsync(new { text = "sturgeon", section = "sec-energy" })));
        Assert.Equal(["art-title"], Ids(await SearchAsync(new { text = "sturgeon", section = "sec-economy" })));
        Assert.Equal(5, Total(await SearchAsync(new { text = "pomegranate", author = "author-s2" })));
        Assert.Equal(0, Total(await SearchAsync(new { text = "sturgeon", author = "author-s2" })));
        Assert.Equal(0, Total(await SearchAsync(new { text = "sturgeon", to = "2000-01-01T00:00:00Z" })));
        Assert.Equal(2, Total(await SearchAsync(new { text = "sturgeon", from = "2000-01-01T00:00:00Z" })));
    }

    [SkippableFact]
    public async Task Pages_through_all_matches_with_the_total()
    {
        Require();

        var first = await SearchAsync(new { text = "pomegranate", first = 2 });
        var second = await SearchAsync(new { text = "pomegranate", first = 2, skip = 2 });
        var third = await SearchAsync(new { text = "pomegranate", first = 2, skip = 4 });

        Assert.All(new[] { first, second, third }, r => Assert.Equal(5, Total(r)));
        var ids = Ids(first).Concat(Ids(second)).Concat(Ids(third)).ToList();
        Assert.Equal(5, ids.Distinct().Count());
        Assert.Single(Ids(third));
        var tooLarge = await host.Client.PostAsync("{ search(text: \"pomegranate\", first: 1000) { totalCount } }");
        Assert.Contains(tooLarge.ErrorMessages, m => m.Contains("MaxPageSize", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Never_shows_a_draft_anonymously_not_in_results_snippets_or_totals()
    {
        Require();

        var neverPublished = await SearchAsync(new { text = "zanzibarite" });
        var pendingWords = await SearchAsync(new { text = "klondikite" });
        var liveWords = await SearchAsync(new { text = "harbour" });

        Assert.Equal(0, Total(neverPublished));
        Assert.Empty(Ids(neverPublished));
        Assert.Equal(0, Total(pendingWords));
        Assert.Equal(["art-pending"], Ids(liveWords));
        Assert.DoesNotContain("klondikite", liveWords.Text, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public async Task Unpublish_removes_an_article_in_the_same_transaction_and_a_rollback_keeps_it()
    {
        Require();
        await host.ContentAsync(m => m.CreateAsync(SearchHost.Article("art-wolfram", "Wolfram mine closes", "<p>The mine closed.</p>"), publish: true));
        Assert.Equal(["art-wolfram"], Ids(await SearchAsync(new { text = "wolfram" })));

        // Unpublished inside an outer transaction that is then rolled back: the index row comes back with the version.
        await host.AsSystemAsync(async sp =>
        {
            var unitOfWork = sp.GetRequiredService<IUnitOfWork>();
            await using var transaction = await unitOfWork.BeginAsync();
            await sp.GetRequiredService<Core.Content.IContentManager>().UnpublishAsync("art-wolfram");
            Assert.Equal(0, await sp.GetRequiredService<CmsDbContext>().ContentSearch.CountAsync(r => r.ContentItemId == "art-wolfram"));
        });
        Assert.Equal(["art-wolfram"], Ids(await SearchAsync(new { text = "wolfram" })));

        await host.ContentAsync(async m =>
        {
            await m.UnpublishAsync("art-wolfram");
            return true;
        });
        Assert.Equal(0, Total(await SearchAsync(new { text = "wolfram" })));

        await host.RepublishAsync("art-wolfram");
        Assert.Equal(["art-wolfram"], Ids(await SearchAsync(new { text = "wolfram" })));

        await host.ContentAsync(async m =>
        {
            await m.DeleteAsync("art-wolfram");
            return true;
        });
        Assert.Equal(0, Total(await SearchAsync(new { text = "wolfram" })));
    }

    [SkippableFact]
    public async Task An_author_rename_is_found_under_the_new_name_only()
    {
        Require();
        await host.ContentAsync(m => m.CreateAsync(SearchHost.Author("author-s3", "Nigar Tundrava"), publish: true));
        await host.ContentAsync(m => m.CreateAsync(SearchHost.Article("art-byline", "Steppe notes", "<p>Grass and wind.</p>", author: "author-s3"), publish: true));
        Assert.Equal(["art-byline"], Ids(await SearchAsync(new { text = "tundrava" })));

        var author = await host.ContentAsync(m => m.GetAsync("author-s3", Core.Content.VersionOptions.Latest));
        var renamed = await host.ContentAsync(m => m.UpdateAsync("author-s3", author!.ContentItemVersionId, SearchHost.Author("author-s3", "Nigar Permafrosta").Content));
        await host.ContentAsync(m => m.PublishAsync("author-s3", renamed.ContentItemVersionId));

        Assert.Equal(["art-byline"], Ids(await SearchAsync(new { text = "permafrosta" })));
        Assert.Equal(0, Total(await SearchAsync(new { text = "tundrava" })));
    }

    [SkippableFact]
    public async Task The_snippet_is_escaped_text_with_only_highlight_marks_as_markup()
    {
        Require();

        var result = await SearchAsync(new { text = "marmalade" });

        var snippet = Assert.Single(Snippets(result));
        Assert.Contains("&lt;script&gt;", snippet, StringComparison.Ordinal);
        Assert.Contains("&amp;", snippet, StringComparison.Ordinal);
        Assert.Contains("<mark>marmalade</mark>", snippet, StringComparison.Ordinal);
        var withoutMarks = snippet.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal);
        Assert.DoesNotContain('<', withoutMarks);
        Assert.DoesNotContain('>', withoutMarks);
    }

    [SkippableTheory]
    [InlineData("NEAR(sturgeon caspian)")]
    [InlineData("\"sturgeon")]
    [InlineData("sturgeon*")]
    [InlineData("title:sturgeon")]
    [InlineData("(sturgeon) AND -caspian^2")]
    [InlineData("sturgeon OR")]
    [InlineData("sturgeon {caspian}")]
    public async Task Operators_are_plain_words_and_never_an_error(string text)
    {
        Require();
        await SearchAsync(new { text = "warm" });

        var watch = Stopwatch.StartNew();
        var response = await host.Client.PostAsync(Query, new { text });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.False(response.HasErrors, response.Text);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        var ids = response.Data.GetProperty("search").GetProperty("items").EnumerateArray().Select(i => i.GetProperty("item").GetProperty("contentItemId").GetString()).ToList();
        Assert.All(ids, id => Assert.StartsWith("art-", id, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Operator_words_are_searched_literally()
    {
        Require();

        // "sturgeon OR hatcheries" is not an OR: both words must occur, which only art-title has ("or" is too common to
        // count); "NEAR" is a word that must occur too.
        Assert.Equal(["art-title"], Ids(await SearchAsync(new { text = "sturgeon OR hatcheries" })));
        Assert.Equal(["art-body"], Ids(await SearchAsync(new { text = "sturgeon NEAR delta" })));
        Assert.Equal(["art-title"], Ids(await SearchAsync(new { text = "-\"sturgeon\" hatcheries*" })));
    }

    [SkippableTheory]
    [InlineData(10_000, "200 characters")]
    [InlineData(0, "at least one word")]
    public async Task Oversized_or_empty_text_gets_a_clear_error_quickly(int length, string message)
    {
        Require();
        await SearchAsync(new { text = "warm" });
        var text = string.Concat(Enumerable.Repeat("NEAR(a* OR \"b\") -c:d ", (length / 20) + 1))[..length];

        var watch = Stopwatch.StartNew();
        var response = await host.Client.PostAsync(Query, new { text });

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.Status);
        Assert.Equal(["INVALID_SEARCH"], response.ErrorCodes);
        Assert.Contains(message, response.ErrorMessages[0], StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Too_many_words_get_a_clear_error()
    {
        Require();

        var response = await host.Client.PostAsync(Query, new { text = "one two three four five six seven eight nine" });

        Assert.Equal(["INVALID_SEARCH"], response.ErrorCodes);
        Assert.Contains("at most 8", response.ErrorMessages[0], StringComparison.Ordinal);
    }

    private async Task<GraphQLResponse> SearchAsync(object variables)
    {
        var response = await host.Client.PostAsync(Query, variables);
        Assert.False(response.HasErrors, response.Text);
        return response;
    }

    private static List<JsonElement> Items(GraphQLResponse response) => [.. response.Data.GetProperty("search").GetProperty("items").EnumerateArray()];

    private static List<string?> Ids(GraphQLResponse response) => Items(response).Select(i => i.GetProperty("item").GetProperty("contentItemId").GetString()).ToList();

    private static List<string> Snippets(GraphQLResponse response) => Items(response).Select(i => i.GetProperty("snippet").GetString()!).ToList();

    private static int Total(GraphQLResponse response) => response.Data.GetProperty("search").GetProperty("totalCount").GetInt32();
}

/// <summary><see cref="SearchTests"/> on SQLite (FTS5).</summary>
public sealed class SqliteSearchTests(SearchHost host) : SearchTests(host), IClassFixture<SearchHost>
{
    protected override void Require()
    {
    }
}

/// <summary><see cref="SearchTests"/> on PostgreSQL (tsvector and GIN).</summary>
public sealed class PostgresSearchTests(PostgresSearchHost host) : SearchTests(host), IClassFixture<PostgresSearchHost>
{
    protected override void Require() => TestEnvironment.RequirePostgres();
}
