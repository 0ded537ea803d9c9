using System.Text.Json.Nodes;
using Cms.Core.Content;
using Cms.Core.Fields;
using Cms.Core.Queries;
using Cms.Data;
using Cms.Recipes.Steps;
using Cms.Recipes.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cms.Recipes.Tests.Support.TestRecipes;

namespace Cms.Recipes.Tests;

/// <summary>
/// The Content step writes <see cref="ContentStep.ItemsPerWrite"/> items at a time. A batch must behave as if each item
/// had been written on its own: the path rule sees the items of its batch, pickers may point at an item earlier in the
/// batch, and the recipe stays all or nothing (a bad item after written batches leaves none of them, nor their audit).
/// </summary>
public sealed class BatchedContentTests : RecipeTestBase
{
    [Fact]
    public async Task A_path_used_twice_in_one_batch_is_refused_naming_the_second_item()
    {
        await RunAsync(Recipe(Definitions(), Content(Section("sec-news", "News"))));
        var first = WithPath(Article("a-1", "Budget talks"), "news/budget");
        var second = WithPath(Article("a-2", "Budget vote"), "news/budget");

        var error = await FailsWithoutChangesAsync(Recipe(Definitions(), Content(Article("a-0", "Grid upgrade"), first, second)));

        Assert.Equal("$.steps[1].Data[2].AutoroutePart.Path", error.JsonPath);
        Assert.Equal("the path 'news/budget' is already used by item 'a-1'.", error.Problem);
        Assert.Null(await GetAsync("a-0"));
    }

    [Fact]
    public async Task Items_of_one_batch_with_the_same_title_get_their_own_paths()
    {
        await RunAsync(Recipe(Definitions(), Content(Section("sec-news", "News"), Article("a-1", "Budget day"), Article("a-2", "Budget day"), Article("a-3", "Budget day"))));

        var paths = new List<string>();
        foreach (var id in new[] { "a-1", "a-2", "a-3" })
        {
            paths.Add((await GetAsync(id, VersionOptions.Published))!.Part("AutoroutePart")!["Path"]!.GetValue<string>());
        }

        Assert.Equal(["articles/budget-day", "articles/budget-day-2", "articles/budget-day-3"], paths);
    }

    [Fact]
    public async Task A_picker_to_an_item_earlier_in_the_same_batch_is_stored_and_queried()
    {
        await RunAsync(Recipe(Definitions(), Content(Section("sec-new", "Newly made"), Article("a-1", "In the new section", section: "sec-new"))));

        var inSection = await QueryAsync(new ContentQuery
        {
            ContentType = "Article",
            Where = new FieldFilter(FieldIndexKind.ContentPicker, "Article", "Section", FilterOperator.Equal, "sec-new"),
        });
        Assert.Equal("a-1", Assert.Single(inSection.Items).ContentItemId);
        Assert.Equal("Newly made", (await GetAsync("sec-new", VersionOptions.Published))!.DisplayText);
    }

    [Fact]
    public async Task A_bad_item_after_written_batches_leaves_nothing_of_them()
    {
        await RunAsync(Recipe(Definitions(), Content(Section("sec-news", "News"))));
        var items = Enumerable.Range(0, ContentStep.ItemsPerWrite + 10).Select(n => Article($"a-{n}", $"Archive note {n}")).ToList();
        var bad = ContentStep.ItemsPerWrite + 5;
        items[bad]["Article"]!["Rank"]!["Value"] = "very high";
        var auditBefore = await AuditCountAsync();

        var error = await FailsWithoutChangesAsync(Recipe(Definitions(), Content([.. items])));

        Assert.Equal($"$.steps[1].Data[{bad}].Article.Rank.Value", error.JsonPath);
        Assert.Null(await GetAsync("a-0"));
        Assert.Equal(auditBefore, await AuditCountAsync());
    }

    [Fact]
    public async Task Every_item_of_several_batches_is_written_with_its_audit_entries()
    {
        await RunAsync(Recipe(Definitions(), Content(Section("sec-news", "News"))));
        var count = (ContentStep.ItemsPerWrite * 2) + 3;
        var auditBefore = await AuditCountAsync();

        var result = await RunAsync(Recipe(Definitions(), Content([.. Enumerable.Range(0, count).Select(n => Article($"a-{n}", $"Archive note {n}"))])));

        Assert.Equal(count, result.Items);
        Assert.Equal(count, (await QueryAsync(new ContentQuery { ContentType = "Article", Take = 0 })).Total);
        Assert.Equal("Archive note 0", (await GetAsync("a-0", VersionOptions.Published))!.DisplayText);
        Assert.Equal($"Archive note {count - 1}", (await GetAsync($"a-{count - 1}", VersionOptions.Published))!.DisplayText);

        // Each new published item is created and published: two audit entries, in the order of the recipe.
        Assert.Equal(auditBefore + (2 * count), await AuditCountAsync());
        var last = await InScopeAsync(sp => sp.GetRequiredService<CmsDbContext>().AuditEvents.AsNoTracking().OrderByDescending(a => a.Id).Select(a => a.TargetId + " " + a.Kind).FirstAsync());
        Assert.Equal($"a-{count - 1} content.publish", last);
    }

    [Fact]
    public async Task Items_cleaned_ahead_on_other_threads_are_imported_in_the_order_of_the_recipe()
    {
        // Same titles: each item's path is numbered by how many were imported before it, so the order shows in the paths.
        await RunAsync(Recipe(Definitions(), Content(Section("sec-news", "News"))));
        var count = ContentStep.ItemsPerWrite + 5;
        var items = Enumerable.Range(0, count).Select(n => Article($"a-{n:000}", "Budget day")).ToList();
        items[7]["HtmlBodyPart"]!["Html"] = "<p onclick=\"steal()\">Clean me<script>steal()</script></p>";

        await RunAsync(Recipe(Definitions(), Content([.. items])));

        var stored = await QueryAsync(new ContentQuery { ContentType = "Article", Take = count + 1 });
        var paths = stored.Items.ToDictionary(i => i.ContentItemId, i => i.Part("AutoroutePart")!["Path"]!.GetValue<string>());
        Assert.Equal(count, paths.Count);
        for (var n = 0; n < count; n++)
        {
            Assert.Equal(n == 0 ? "articles/budget-day" : $"articles/budget-day-{n + 1}", paths[$"a-{n:000}"]);
        }

        Assert.Equal("<p>Clean me</p>", (await GetAsync("a-007", VersionOptions.Published))!.Part("HtmlBodyPart")!["Html"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_bad_item_in_the_middle_of_the_first_batch_leaves_nothing_and_names_it()
    {
        await RunAsync(Recipe(Definitions(), Content(Section("sec-news", "News"))));
        var data = new JsonArray([.. Enumerable.Range(0, ContentStep.ItemsPerWrite + 20).Select(n => (JsonNode)Article($"a-{n}", $"Archive note {n}"))]);
        var bad = ContentStep.ItemsPerWrite / 2;
        data[bad] = JsonValue.Create("not an item");
        var recipe = Recipe(Definitions(), new JsonObject { ["name"] = "Content", ["Data"] = data });

        var error = await FailsWithoutChangesAsync(recipe);

        Assert.Equal($"$.steps[1].Data[{bad}]", error.JsonPath);
        Assert.Equal("a content item must be an object.", error.Problem);
        Assert.Null(await GetAsync("a-0"));
        Assert.Null(await GetAsync($"a-{bad + 1}"));
    }

    private static JsonObject WithPath(JsonObject item, string path)
    {
        item["AutoroutePart"] = new JsonObject { ["Path"] = path };
        return item;
    }

    private Task<int> AuditCountAsync() => InScopeAsync(sp => sp.GetRequiredService<CmsDbContext>().AuditEvents.CountAsync());
}
