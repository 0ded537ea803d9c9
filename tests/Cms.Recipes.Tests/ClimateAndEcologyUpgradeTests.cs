using System.Text.Json.Nodes;
using Cms.Core.Content;
using Cms.Core.Fields;
using Cms.Core.Queries;
using Cms.Data;
using Cms.Recipes.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Recipes.Tests;

/// <summary>
/// The upgrade recipe (<c>recipes/upgrades/climate-and-ecology.recipe.json</c>) on a database set up with the recipes as
/// they were before the merge: News with Climate and Ecology as two sections, and the sample articles in them.
/// </summary>
public sealed class ClimateAndEcologyUpgradeTests : RecipeTestBase
{
    private const string Merged = "sec-climate-and-ecology";

    /// <summary>The sample articles of the two old sections, as the old sample recipe filed them.</summary>
    private static readonly Dictionary<string, string> OldSections = new(StringComparer.Ordinal)
    {
        ["article-009"] = "sec-climate",
        ["article-034"] = "sec-climate",
        ["article-056"] = "sec-climate",
        ["article-020"] = "sec-ecology",
        ["article-041"] = "sec-ecology",
        ["article-059"] = "sec-ecology",
    };

    private static string Upgrade => Path.Combine(ShippedRecipes, "upgrades", "climate-and-ecology.recipe.json");

    [Fact]
    public async Task The_upgrade_merges_the_two_sections_and_moves_every_article_with_its_draft()
    {
        await SetUpOldNewsroomAsync();
        // A published article with a pending draft: both versions must move, and the draft must stay unpublished.
        var before = (await GetAsync("article-009", VersionOptions.Published))!;
        var draft = await InScopeAsync(sp =>
        {
            var parts = (JsonObject)before.Content.DeepClone();
            parts["Article"]!["Lead"] = new JsonObject { ["Text"] = "A draft lead not yet published." };
            return sp.GetRequiredService<IContentManager>().UpdateAsync("article-009", before.ContentItemVersionId, parts);
        });
        var versionsBefore = (await VersionsAsync("article-009")).Count;

        await RunFileAsync(Upgrade);

        var underNews = await ChildrenOfNewsAsync();
        Assert.Equal(["Economy", "Energy", "Climate and Ecology"], underNews);
        Assert.Null(await GetAsync("sec-climate"));
        Assert.Null(await GetAsync("sec-ecology"));
        Assert.Null(await GetAsync("sec-climate", VersionOptions.Published));
        Assert.NotEmpty(await VersionsAsync("sec-climate")); // deleted, still in history

        foreach (var (id, _) in OldSections)
        {
            var latest = (await GetAsync(id))!;
            Assert.Equal([Merged], Section(latest));
            if (await GetAsync(id, VersionOptions.Published) is { } published)
            {
                Assert.Equal([Merged], Section(published));
            }
        }

        Assert.Null(await GetAsync("article-056", VersionOptions.Published)); // a draft before, a draft after
        var livePublished = (await GetAsync("article-009", VersionOptions.Published))!;
        var liveDraft = (await GetAsync("article-009"))!;
        Assert.False(liveDraft.Published);
        Assert.Equal("A draft lead not yet published.", liveDraft.Part("Article")!["Lead"]!["Text"]!.GetValue<string>());
        Assert.Equal(before.Part("Article")!["Lead"]!.ToJsonString(), livePublished.Part("Article")!["Lead"]!.ToJsonString());
        Assert.Equal(before.PublishedUtc, livePublished.PublishedUtc);
        Assert.NotEqual(before.ContentItemVersionId, livePublished.ContentItemVersionId);
        Assert.NotEqual(draft.ContentItemVersionId, liveDraft.ContentItemVersionId);
        Assert.Equal(versionsBefore + 2, (await VersionsAsync("article-009")).Count);

        var inMerged = await QueryAsync(new ContentQuery
        {
            ContentType = "Article",
            Where = new FieldFilter(FieldIndexKind.ContentPicker, "Article", "Section", FilterOperator.Equal, Merged),
        });
        Assert.Equal(OldSections.Keys.Where(id => id != "article-056").Order(StringComparer.Ordinal), inMerged.Items.Select(i => i.ContentItemId).Order(StringComparer.Ordinal));
        var audit = await InScopeAsync(sp => sp.GetRequiredService<CmsDbContext>().AuditEvents.AsNoTracking()
            .Where(a => a.TargetId == "article-009" && a.Summary != null && a.Summary.Contains(Merged)).Select(a => a.Kind).ToListAsync());
        Assert.Contains(audit, k => k.Contains("publish", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Running_the_upgrade_again_changes_nothing()
    {
        await SetUpOldNewsroomAsync();
        await RunFileAsync(Upgrade);
        var first = await SnapshotAsync();

        await RunFileAsync(Upgrade);

        Assert.Equal(first, await SnapshotAsync());
    }

    [Fact]
    public async Task On_a_database_set_up_with_the_current_recipes_the_upgrade_changes_nothing()
    {
        await RunFileAsync(Path.Combine(ShippedRecipes, "newsroom.recipe.json"));
        var first = await SnapshotAsync();

        await RunFileAsync(Upgrade);

        Assert.Equal(first, await SnapshotAsync());
        Assert.Equal(["Economy", "Energy", "Climate and Ecology"], await ChildrenOfNewsAsync());
    }

    /// <summary>The shipped recipes turned back into the ones from before the merge, run as setup and sample content.</summary>
    private async Task SetUpOldNewsroomAsync()
    {
        var newsroom = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(ShippedRecipes, "newsroom.recipe.json")))!.AsObject();
        var sections = newsroom["steps"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "Content")!["Data"]!.AsArray();
        var merged = sections.Single(s => s!["ContentItemId"]!.GetValue<string>() == Merged)!;
        var at = sections.IndexOf(merged);
        sections.RemoveAt(at);
        sections.Insert(at, OldSection(merged, "sec-ecology", "Ecology", 4));
        sections.Insert(at, OldSection(merged, "sec-climate", "Climate", 3));

        // The menus came with the merged section; the old recipe had none.
        foreach (var menu in sections.Where(s => s!["ContentType"]!.GetValue<string>() == "Menu").ToList())
        {
            sections.Remove(menu);
        }

        var sample = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(ShippedRecipes, "sample-content.recipe.json")))!.AsObject();
        foreach (var item in sample["steps"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "Content")!["Data"]!.AsArray())
        {
            if (OldSections.TryGetValue(item!["ContentItemId"]!.GetValue<string>(), out var old))
            {
                item["Article"]!["Section"] = new JsonObject { ["ContentItemIds"] = new JsonArray(old) };
            }
        }

        await InScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(newsroom.ToJsonString(), ShippedRecipes, Parameters));
        await InScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(sample.ToJsonString(), ShippedRecipes, Parameters));
        Assert.Equal(["Economy", "Energy", "Climate", "Ecology"], await ChildrenOfNewsAsync());
        Assert.Equal(OldSections.Values.Order(StringComparer.Ordinal), (await Task.WhenAll(OldSections.Keys.Select(id => GetAsync(id)))).Select(a => Section(a!).Single()).Order(StringComparer.Ordinal));
    }

    private static JsonNode OldSection(JsonNode merged, string id, string title, int order)
    {
        var old = merged.DeepClone();
        old["ContentItemId"] = id;
        old["DisplayText"] = title;
        old["TitlePart"]!["Title"] = title;
        old["AutoroutePart"]!["Path"] = "news/" + title.ToLowerInvariant();
        old["Section"]!["MenuOrder"]!["Value"] = order;
        return old;
    }

    private async Task<List<string?>> ChildrenOfNewsAsync() =>
        [.. (await QueryAsync(new ContentQuery
        {
            ContentType = "Section",
            Where = new FieldFilter(FieldIndexKind.ContentPicker, "Section", "Parent", FilterOperator.Equal, "sec-news"),
            OrderBy = [ContentSort.ByField(FieldIndexKind.Numeric, "Section", "MenuOrder")],
        })).Items.Select(s => s.DisplayText)];

    private Task<IReadOnlyList<ContentItem>> VersionsAsync(string id) =>
        InScopeAsync(sp => sp.GetRequiredService<IContentManager>().GetVersionsAsync(id));

    private static List<string> Section(ContentItem article) =>
        [.. article.Part("Article")!["Section"]!["ContentItemIds"]!.AsArray().Select(n => n!.GetValue<string>())];
}
