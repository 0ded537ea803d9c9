using System.Text.Json.Nodes;
using Cms.Core.Content;
using Cms.Recipes.Tests.Support;
using static Cms.Recipes.Tests.Support.TestRecipes;

namespace Cms.Recipes.Tests;

/// <summary>The general steps an upgrade recipe is made of: <c>ReplaceContentReferences</c> and <c>DeleteContent</c>.</summary>
public sealed class ContentReferenceStepsTests : RecipeTestBase
{
    private static JsonObject Replace(JsonNode from, JsonNode? to) => new() { ["name"] = "ReplaceContentReferences", ["From"] = from, ["To"] = to };

    private static JsonObject Delete(params string[] ids) => new() { ["name"] = "DeleteContent", ["ContentItemIds"] = new JsonArray(ids.Select(i => (JsonNode)i).ToArray()) };

    [Fact]
    public async Task References_move_and_the_old_item_is_deleted()
    {
        await RunAsync(Recipe(Definitions(), NewsContent(), Content(Section("sec-world", "World"))));

        await RunAsync(Recipe(Replace(new JsonArray("sec-news"), "sec-world"), Delete("sec-news")));

        Assert.Null(await GetAsync("sec-news"));
        Assert.Equal("sec-world", (await GetAsync("article-1", VersionOptions.Published))!.Part("Article")!["Section"]!["ContentItemIds"]![0]!.GetValue<string>());
        Assert.Equal("sec-world", (await GetAsync("article-3"))!.Part("Article")!["Section"]!["ContentItemIds"]![0]!.GetValue<string>());
        Assert.Null(await GetAsync("article-3", VersionOptions.Published));
        Assert.Equal("sec-culture", (await GetAsync("article-2", VersionOptions.Published))!.Part("Article")!["Section"]!["ContentItemIds"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Deleting_an_item_still_pointed_at_is_refused_naming_who_points_at_it()
    {
        await RunAsync(Recipe(Definitions(), NewsContent()));

        var error = await FailsWithoutChangesAsync(Recipe(Delete("sec-culture", "sec-news")));

        Assert.Equal("$.steps[0].ContentItemIds", error.JsonPath);
        Assert.Contains("Article 'article-1' (Article.Section)", error.Problem, StringComparison.Ordinal);
        Assert.Contains("ReplaceContentReferences", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[\"sec-news\"]", "\"sec-missing\"", "$.steps[0].To", "there is no item 'sec-missing'")]
    [InlineData("[\"sec-news\"]", "\"article-2\"", "$.steps[0].To", "takes only Section")]
    [InlineData("[\"sec-news\"]", "\"sec-news\"", "$.steps[0].To", "cannot replace itself")]
    [InlineData("[]", "\"sec-culture\"", "$.steps[0].From", "must list 1 to")]
    [InlineData("[\"sec-news\", 3]", "\"sec-culture\"", "$.steps[0].From[1]", "must be a non-empty string")]
    [InlineData("[\"sec-news\"]", "null", "$.steps[0].To", "must be a content item id")]
    public async Task A_bad_replacement_fails_with_its_path_and_changes_nothing(string from, string to, string path, string problem)
    {
        await RunAsync(Recipe(Definitions(), NewsContent()));

        var error = await FailsWithoutChangesAsync(Recipe(Replace(JsonNode.Parse(from)!, JsonNode.Parse(to))));

        Assert.Equal(path, error.JsonPath);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_property_is_refused()
    {
        await RunAsync(Recipe(Definitions(), NewsContent()));
        var step = Replace(new JsonArray("sec-news"), "sec-culture");
        step["Types"] = new JsonArray("Article");

        var error = await FailsWithoutChangesAsync(Recipe(step));

        Assert.Equal("$.steps[0].Types", error.JsonPath);
        Assert.Contains("From, To and ContentTypes", error.Problem, StringComparison.Ordinal);
    }
}
