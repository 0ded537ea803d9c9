using System.Text.Json.Nodes;
using Cms.Core.Content;
using Cms.Core.Queries;
using Cms.Recipes.Tests.Support;
using static Cms.Recipes.Tests.Support.TestRecipes;

namespace Cms.Recipes.Tests;

public sealed class RecipeExecutorTests : RecipeTestBase
{
    [Fact]
    public async Task A_good_recipe_applies_every_step()
    {
        var result = await RunAsync(Recipe(Settings(), Definitions(), NewsContent()));

        Assert.Equal(("Test", 3), (result.Name, result.Steps));
        var settings = await SettingsAsync();
        Assert.Equal(("Test Daily", "Europe/London"), (settings.SiteName, settings.TimeZone));
        var definitions = await DefinitionsAsync();
        Assert.Equal(["Article", "Section"], definitions.Types.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Lead", "Section", "Rank", "CoverImage"], definitions.FindPart("Article")!.Fields.Select(f => f.Name));

        var published = await QueryAsync(new ContentQuery { ContentType = "Article", OrderBy = [ContentSort.By(ContentColumn.DisplayText)] });
        Assert.Equal(["Festival season", "Grid upgrade"], published.Items.Select(i => i.DisplayText));
        var drafts = await QueryAsync(new ContentQuery { ContentType = "Article", Status = ContentStatus.Draft });
        Assert.Equal("Budget draft", Assert.Single(drafts.Items).DisplayText);

        var grid = (await GetAsync("article-1", VersionOptions.Published))!;
        Assert.Equal("admin-id", grid.Owner);
        Assert.Equal(new DateTime(2026, 2, 1, 8, 0, 0, DateTimeKind.Utc), grid.CreatedUtc);
        Assert.Equal(new DateTime(2026, 2, 1, 9, 0, 0, DateTimeKind.Utc), grid.PublishedUtc);
        Assert.Equal("articles/grid-upgrade", grid.Part("AutoroutePart")!["Path"]!.GetValue<string>());
        Assert.Equal(2, (await QueryAsync(new ContentQuery { ContentType = "Section" })).Total);
    }

    [Fact]
    public async Task Running_the_same_recipe_twice_changes_nothing_the_second_time()
    {
        var recipe = Recipe(Settings(), Definitions(), NewsContent());
        await RunAsync(recipe);
        var first = await SnapshotAsync();

        await RunAsync(recipe);

        Assert.Equal(first, await SnapshotAsync());
    }

    [Fact]
    public async Task A_changed_item_gets_a_new_version_and_the_others_are_left_alone()
    {
        await RunAsync(Recipe(Definitions(), NewsContent()));
        var before = await SnapshotAsync();
        var changed = NewsContent();
        changed["Data"]![2]!["TitlePart"]!["Title"] = "Grid upgrade, revised";

        await RunAsync(Recipe(Definitions(), changed));

        var after = await SnapshotAsync();
        Assert.Equal(before.Versions + 1, after.Versions);
        Assert.Equal(before.Documents, after.Documents);
        Assert.Equal("Grid upgrade, revised", (await GetAsync("article-1", VersionOptions.Published))!.DisplayText);
        Assert.Single(await InScopeAsync(sp => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<IContentManager>(sp).GetVersionsAsync("article-2")));
    }

    [Fact]
    public async Task Bad_json_names_the_line_and_changes_nothing()
    {
        await RunAsync(Recipe(Definitions(), NewsContent()));

        var error = await FailsWithoutChangesAsync("{\n  \"name\": \"Broken\",\n  \"steps\": [\n    { \"name\": \"Settings\" \"SiteName\": \"x\" }\n  ]\n}");

        Assert.Null(error.StepIndex);
        Assert.Contains("not valid JSON", error.Problem, StringComparison.Ordinal);
        Assert.Contains("line 4", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recipe_without_steps_is_refused()
    {
        var error = await FailsWithoutChangesAsync("""{ "name": "Empty" }""");

        Assert.Equal("$.steps", error.JsonPath);
    }

    [Fact]
    public async Task An_unknown_step_is_named_with_its_index_and_nothing_before_it_is_applied()
    {
        var error = await FailsWithoutChangesAsync(Recipe(Definitions(), NewsContent(), new JsonObject { ["name"] = "Workflows", ["Items"] = new JsonArray() }));

        Assert.Equal(2, error.StepIndex);
        Assert.Equal("$.steps[2].name", error.JsonPath);
        Assert.Contains("unknown step 'Workflows'", error.Problem, StringComparison.Ordinal);
        Assert.Contains("ContentDefinition", error.Problem, StringComparison.Ordinal);
        Assert.StartsWith("Step 2 at $.steps[2].name: unknown step", error.Message, StringComparison.Ordinal);
        Assert.Empty((await DefinitionsAsync()).Types);
    }

    [Fact]
    public async Task An_unknown_field_type_is_named_with_its_path()
    {
        var error = await FailsWithoutChangesAsync(Recipe(Settings(), Definitions(rankFieldKind: "StarRatingField"), NewsContent()));

        Assert.Equal(1, error.StepIndex);
        Assert.Equal("$.steps[1].ContentParts[0].ContentPartFieldDefinitionRecords[2].FieldName", error.JsonPath);
        Assert.Contains("unknown field type 'StarRatingField'", error.Problem, StringComparison.Ordinal);
        Assert.Equal("Newsroom", (await SettingsAsync()).SiteName);
    }

    [Fact]
    public async Task An_item_of_a_missing_type_is_named_with_its_path()
    {
        var content = Content(Section("sec-news", "News"), new JsonObject { ["ContentItemId"] = "podcast-1", ["ContentType"] = "Podcast", ["TitlePart"] = new JsonObject { ["Title"] = "Episode 1" } });

        var error = await FailsWithoutChangesAsync(Recipe(Definitions(), content));

        Assert.Equal(1, error.StepIndex);
        Assert.Equal("$.steps[1].Data[1].ContentType", error.JsonPath);
        Assert.Contains("unknown content type 'Podcast'", error.Problem, StringComparison.Ordinal);
        Assert.Empty((await DefinitionsAsync()).Types);
    }

    [Fact]
    public async Task A_bad_field_value_deep_inside_an_item_is_named_and_the_items_before_it_are_not_kept()
    {
        await RunAsync(Recipe(Definitions(), Content(Section("sec-news", "News"))));
        var content = NewsContent();
        content["Data"]![3]!["Article"]!["Rank"]!["Value"] = "very high";

        var error = await FailsWithoutChangesAsync(Recipe(Definitions(), content));

        Assert.Equal(1, error.StepIndex);
        Assert.Equal("$.steps[1].Data[3].Article.Rank.Value", error.JsonPath);
        Assert.Equal("must be a number.", error.Problem);
        Assert.Null(await GetAsync("article-1"));
    }

    [Fact]
    public async Task A_missing_required_field_is_named()
    {
        var article = Article("article-1", "No section");
        article["Article"]!["Section"] = new JsonObject { ["ContentItemIds"] = new JsonArray() };

        var error = await FailsWithoutChangesAsync(Recipe(Definitions(), Content(article)));

        Assert.Equal("$.steps[1].Data[0].Article.Section.ContentItemIds", error.JsonPath);
        Assert.Equal("'Section' is required.", error.Problem);
    }

    [Fact]
    public async Task Several_problems_in_one_item_are_all_mentioned()
    {
        var article = Article("article-1", "Broken");
        article["Article"]!["Rank"]!["Value"] = "high";
        article["Article"]!["Lead"] = new JsonObject { ["Text"] = 42 };

        var error = await FailsWithoutChangesAsync(Recipe(Definitions(), Content(article)));

        Assert.Contains("and 1 more", error.Problem, StringComparison.Ordinal);
        Assert.Contains("$.steps[1].Data[0].Article.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_script_function_is_refused_before_anything_runs()
    {
        var article = Article("article-1", "Scripted");
        article["Owner"] = "[js: require('fs').readFileSync('/etc/passwd')]";

        var error = await FailsWithoutChangesAsync(Recipe(Definitions(), Content(Section("sec-news", "News"), article)));

        Assert.Equal(1, error.StepIndex);
        Assert.Equal("$.steps[1].Data[1].Owner", error.JsonPath);
        Assert.Contains("only uuid(), parameters('name') and variables('name') are supported", error.Problem, StringComparison.Ordinal);
        Assert.Empty((await DefinitionsAsync()).Types);
    }

    [Fact]
    public async Task An_unknown_parameter_is_refused()
    {
        var article = Article("article-1", "Scripted");
        article["Owner"] = "[js: parameters('EditorUserId')]";

        var error = await FailsWithoutChangesAsync(Recipe(Definitions(), Content(Section("sec-news", "News"), article)));

        Assert.Equal("$.steps[1].Data[1].Owner", error.JsonPath);
        Assert.Contains("unknown parameter 'EditorUserId'", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Variables_and_uuids_are_filled_in()
    {
        var recipe = JsonNode.Parse(Recipe(Definitions(), Content(Section("[js: variables('sectionId')]", "News"), Section("[js: uuid()]", "Culture"))))!.AsObject();
        recipe["variables"] = new JsonObject { ["sectionId"] = "sec-from-variable" };

        await RunAsync(recipe.ToJsonString());

        Assert.NotNull(await GetAsync("sec-from-variable"));
        var culture = Assert.Single((await QueryAsync(new ContentQuery { ContentType = "Section" })).Items, s => s.DisplayText == "Culture");
        Assert.Matches("^[0-9a-z]{26}$", culture.ContentItemId);
    }

    [Fact]
    public async Task A_failing_later_step_undoes_the_earlier_ones()
    {
        await RunAsync(Recipe(Settings("Before", "UTC")));

        var error = await FailsWithoutChangesAsync(Recipe(Definitions(), NewsContent(), Settings("After", "Mars/Olympus_Mons")));

        Assert.Equal(2, error.StepIndex);
        Assert.Equal("$.steps[2].TimeZone", error.JsonPath);
        Assert.Equal("Before", (await SettingsAsync()).SiteName);
        Assert.Empty((await DefinitionsAsync()).Types);
        Assert.Null(await GetAsync("article-1"));
    }

    [Fact]
    public async Task An_unknown_setting_is_refused()
    {
        var settings = Settings();
        settings["Theme"] = "Dark";

        var error = await FailsWithoutChangesAsync(Recipe(settings));

        Assert.Equal("$.steps[0].Theme", error.JsonPath);
    }

    [Fact]
    public async Task A_content_item_without_an_id_is_refused()
    {
        var section = Section("sec-news", "News");
        section.Remove("ContentItemId");

        var error = await FailsWithoutChangesAsync(Recipe(Definitions(), Content(section)));

        Assert.Equal("$.steps[1].Data[0].ContentItemId", error.JsonPath);
    }
}
