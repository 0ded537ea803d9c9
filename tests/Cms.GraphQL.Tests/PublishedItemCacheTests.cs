using System.Text.Json.Nodes;
using Cms.Core.Content;
using Cms.GraphQL.Tests.Support;
using Cms.Recipes;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Cms.GraphQL.Tests;

/// <summary>
/// Sections and authors read through pickers are shared between requests (<see cref="Execution.PublishedItemCache"/>):
/// the next request reads only its page, a change to an item shows at once, and who may see an item is still checked
/// on every request. Each test names its own items; the class has a host of its own.
/// </summary>
public sealed class PublishedItemCacheTests(GraphQLHost host) : IClassFixture<GraphQLHost>
{
    // A token: the response cache is for anonymous callers only, so every request runs.
    private const string Article = """
        query($id: ID!) {
          article(where: { contentItemId: $id }) {
            section { contentItems { contentItemId displayText } }
            authors { contentItems { contentItemId displayText } }
          }
        }
        """;

    [Fact]
    public async Task The_sections_and_authors_of_the_last_request_cost_no_SQL_in_the_next_one()
    {
        var token = await host.TokenAsync("previewer");
        var first = await host.Client.PostAsync(Article, new { id = "art-02" }, token: token);

        host.Counter.Reset();
        var second = await host.Client.PostAsync(Article, new { id = "art-02" }, token: token);
        var commands = host.Counter.ContentCommands;

        Assert.False(first.HasErrors, first.Text);
        Assert.Equal(["sec-economy"], Section(first).Select(s => s.Id));
        Assert.Equal(["author-t1"], Authors(first).Select(a => a.Id));
        Assert.Equal(first.Text, second.Text);
        Assert.Equal(1, commands); // the article itself
    }

    [Fact]
    public async Task A_section_renamed_and_published_shows_its_new_name_in_the_next_request()
    {
        var token = await host.TokenAsync("previewer");
        var before = await host.Client.PostAsync(Article, new { id = "art-03" }, token: token);
        var sectionId = Section(before).Single().Id;

        await host.AsSystemAsync(services => services.GetRequiredService<IContentManager>().ReviseAsync(
            sectionId, parts => Retitle(parts, "Renamed while cached"), "test"));
        var after = await host.Client.PostAsync(Article, new { id = "art-03" }, token: token);

        Assert.NotEqual("Renamed while cached", Section(before).Single().Name);
        Assert.Equal([(sectionId, "Renamed while cached")], Section(after));
    }

    [Fact]
    public async Task A_saved_draft_drops_the_items_entry_and_readers_keep_seeing_the_published_version()
    {
        var token = await host.TokenAsync("previewer");
        var before = await host.Client.PostAsync(Article, new { id = "art-04" }, token: token);
        var authorId = Authors(before).First().Id;

        await host.AsSystemAsync(async services =>
        {
            var content = services.GetRequiredService<IContentManager>();
            var latest = (await content.GetAsync(authorId, VersionOptions.Latest))!;
            var parts = (JsonObject)latest.Content.DeepClone();
            Retitle(parts, "A draft nobody reads yet");
            await content.UpdateAsync(authorId, latest.ContentItemVersionId, parts);
        });
        host.Counter.Reset();
        var after = await host.Client.PostAsync(Article, new { id = "art-04" }, token: token);
        var commands = host.Counter.ContentCommands;

        Assert.Equal(before.Text, after.Text);
        Assert.Equal(3, commands); // the article, and the author read again: its row (whose flags changed) and so its text
    }

    [Fact]
    public async Task An_unpublished_author_leaves_the_pickers_of_the_next_request()
    {
        var token = await host.TokenAsync("previewer");
        var before = await host.Client.PostAsync(Article, new { id = "art-06" }, token: token);
        var authors = Authors(before).Select(a => a.Id).ToList();
        Assert.Equal(2, authors.Count);

        // The second author: the other tests of this class read the first one.
        await host.AsSystemAsync(services => services.GetRequiredService<IContentManager>().UnpublishAsync(authors[1]));
        var after = await host.Client.PostAsync(Article, new { id = "art-06" }, token: token);

        Assert.Equal([authors[0]], Authors(after).Select(a => a.Id));
    }

    [Fact]
    public async Task A_caller_who_may_not_view_authors_gets_none_from_items_another_caller_just_read()
    {
        // Changing a role clears the cache too; another caller fills it again before the one without the permission asks.
        await host.AsSystemAsync(services => services.GetRequiredService<RecipeExecutor>().ExecuteAsync(
            """{ "name": "no authors", "steps": [ { "name": "Roles", "Roles": [ { "Name": "Desk", "Permissions": ["View_Author"], "PermissionBehavior": "Remove" } ] } ] }""",
            AppContext.BaseDirectory,
            new RecipeParameters()));
        var viewer = await host.Client.PostAsync(Article, new { id = "art-05" }, token: await host.TokenAsync("previewer"));

        host.Counter.Reset();
        var desk = await host.Client.PostAsync(Article, new { id = "art-05" }, token: await host.TokenAsync("desk"));
        var commands = host.Counter.ContentCommands;

        Assert.NotEmpty(Authors(viewer));
        Assert.False(desk.HasErrors, desk.Text);
        Assert.Empty(Authors(desk));
        Assert.Equal(Section(viewer), Section(desk));
        Assert.Equal(1, commands); // served from the cache, and still checked
    }

    private static bool Retitle(JsonObject parts, string title)
    {
        parts["TitlePart"]!["Title"] = title;
        return true;
    }

    private static List<(string Id, string Name)> Section(GraphQLResponse response) => Items(response, "section");

    private static List<(string Id, string Name)> Authors(GraphQLResponse response) => Items(response, "authors");

    private static List<(string Id, string Name)> Items(GraphQLResponse response, string field) =>
        [.. response.Data.GetProperty("article")[0].GetProperty(field).GetProperty("contentItems").EnumerateArray()
            .Select(i => (i.GetProperty("contentItemId").GetString()!, i.GetProperty("displayText").GetString()!))];
}

/// <summary>The rules of <see cref="Execution.PublishedItemCache"/> itself.</summary>
public sealed class PublishedItemCacheRulesTests
{
    private static readonly ContentItem Section = new() { ContentItemId = "sec-a", ContentType = "Section", Published = true };

    [Fact]
    public void A_read_that_overlapped_a_change_keeps_nothing()
    {
        var cache = new Execution.PublishedItemCache(new Core.Storage.SharedStateSignal());
        var generation = cache.Generation;

        cache.Invalidate("author-b"); // any item: the read may have seen the database before or after it
        cache.Set(["sec-a"], new Dictionary<string, ContentItem> { ["sec-a"] = Section }, generation);

        Assert.False(cache.TryGet("sec-a", out _));
    }

    [Fact]
    public void An_item_without_a_published_version_is_remembered_as_such_until_it_changes()
    {
        var cache = new Execution.PublishedItemCache(new Core.Storage.SharedStateSignal());
        cache.Set(["sec-a", "draft-only"], new Dictionary<string, ContentItem> { ["sec-a"] = Section }, cache.Generation);

        Assert.True(cache.TryGet("draft-only", out var none));
        Assert.Null(none);
        Assert.True(cache.TryGet("sec-a", out var found));
        Assert.Same(Section, found);

        cache.Invalidate("draft-only");
        Assert.False(cache.TryGet("draft-only", out _));
        Assert.True(cache.TryGet("sec-a", out _));
    }

    [Fact]
    public void A_shared_state_signal_drops_everything_and_the_reads_under_way()
    {
        var signal = new Core.Storage.SharedStateSignal();
        var cache = new Execution.PublishedItemCache(signal);
        cache.Set(["sec-a"], new Dictionary<string, ContentItem> { ["sec-a"] = Section }, cache.Generation);
        var generation = cache.Generation;

        signal.Raise("start of the event list");
        cache.Set(["sec-b"], new Dictionary<string, ContentItem>(), generation);

        Assert.False(cache.TryGet("sec-a", out _));
        Assert.False(cache.TryGet("sec-b", out _));
    }

    [Fact]
    public void The_cache_never_holds_more_than_its_limit()
    {
        var cache = new Execution.PublishedItemCache(new Core.Storage.SharedStateSignal());
        var ids = Enumerable.Range(0, Execution.PublishedItemCache.MaxItems + 10).Select(i => $"item-{i}").ToList();

        cache.Set(ids, new Dictionary<string, ContentItem>(), cache.Generation);

        Assert.InRange(ids.Count(id => cache.TryGet(id, out _)), 1, Execution.PublishedItemCache.MaxItems);
        Assert.True(cache.TryGet(ids[^1], out _));
    }
}
