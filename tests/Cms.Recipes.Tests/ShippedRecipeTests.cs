using Cms.Core.Content;
using Cms.Core.Fields;
using Cms.Core.Queries;
using Cms.Recipes.Tests.Support;

namespace Cms.Recipes.Tests;

/// <summary>The recipes the product ships: the setup recipe and the sample newsroom.</summary>
public sealed class ShippedRecipeTests : RecipeTestBase
{
    private static string Newsroom => Path.Combine(ShippedRecipes, "newsroom.recipe.json");

    private static string SampleContent => Path.Combine(ShippedRecipes, "sample-content.recipe.json");

    [Fact]
    public async Task The_newsroom_recipe_sets_up_the_types_and_the_section_tree()
    {
        var result = await RunFileAsync(Newsroom);

        Assert.Equal("Newsroom", result.Name);
        var definitions = await DefinitionsAsync();
        Assert.Equal(["Article", "Author", "ContentMenuItem", "LinkMenuItem", "Menu", "Page", "Section"], definitions.Types.Keys.Order(StringComparer.Ordinal));
        var article = definitions.FindType("Article")!;
        Assert.Equal(["TitlePart", "AutoroutePart", "HtmlBodyPart", "PublishLaterPart", "Article"], article.Parts.Select(p => p.Name));
        Assert.Equal(
            ["Lead", "Section", "Authors", "CoverImage", "Tags", "RelatedArticles", "SeoDescription"],
            definitions.FindPart("Article")!.Fields.Select(f => f.Name));
        Assert.True(definitions.FindType("Author")!.FindPart("AuthorProfile")!.IsCollapsed("Author"));

        var sections = await QueryAsync(new ContentQuery { ContentType = "Section" });
        Assert.Equal(15, sections.Total);
        Assert.Contains(sections.Items, s => s.ContentItemId == "sec-cop29");
        var underNews = await QueryAsync(new ContentQuery
        {
            ContentType = "Section",
            Where = new FieldFilter(FieldIndexKind.ContentPicker, "Section", "Parent", FilterOperator.Equal, "sec-news"),
            OrderBy = [ContentSort.ByField(FieldIndexKind.Numeric, "Section", "MenuOrder")],
        });
        Assert.Equal(["Economy", "Energy", "Climate and Ecology"], underNews.Items.Select(s => s.DisplayText));
        Assert.Equal(["sec-economy", "sec-energy", "sec-climate-and-ecology"], underNews.Items.Select(s => s.ContentItemId));
        Assert.Equal("news/climate-and-ecology", (await GetAsync("sec-climate-and-ecology"))!.Part("AutoroutePart")!["Path"]!.GetValue<string>());
        Assert.Equal("admin-id", (await GetAsync("sec-news"))!.Owner);
        Assert.Equal("Asia/Baku", (await SettingsAsync()).TimeZone);
    }

    [Fact]
    public async Task The_newsroom_recipe_can_run_again_without_duplicating_anything()
    {
        await RunFileAsync(Newsroom);
        var first = await SnapshotAsync();

        await RunFileAsync(Newsroom);

        Assert.Equal(first, await SnapshotAsync());
    }

    [Fact]
    public async Task The_sample_newsroom_loads_after_the_setup_recipe()
    {
        await RunFileAsync(Newsroom);

        await RunFileAsync(SampleContent);

        // Twelve people, and the site's own desk (from the setup recipe), named as the site and marked as the publication.
        Assert.Equal(13, (await QueryAsync(new ContentQuery { ContentType = "Author" })).Total);
        var desk = (await GetAsync("author-desk", VersionOptions.Published))!;
        Assert.Equal((await SettingsAsync()).SiteName, desk.DisplayText);
        Assert.True(desk.Part("AuthorProfile")!["Publication"]!["Value"]!.GetValue<bool>());
        var latest = await QueryAsync(new ContentQuery { ContentType = "Article", Status = ContentStatus.Latest });
        var published = await QueryAsync(new ContentQuery { ContentType = "Article", Status = ContentStatus.Published });
        Assert.True(latest.Total >= 60, $"{latest.Total} articles");
        Assert.InRange(published.Total!.Value, 1, latest.Total!.Value - 1);
        Assert.All(latest.Items, a =>
        {
            Assert.Single(a.Part("Article")!["Section"]!["ContentItemIds"]!.AsArray());
            Assert.NotEmpty(a.Part("Article")!["Authors"]!["ContentItemIds"]!.AsArray());
        });
        var bylines = latest.Items.Select(a => a.Part("Article")!["Authors"]!["ContentItemIds"]!.AsArray().Select(n => n!.GetValue<string>()).ToList()).ToList();
        Assert.Contains(bylines, b => b.SequenceEqual(["author-desk"]));
        Assert.Contains(bylines, b => !b.Contains("author-desk"));
        var ids = latest.Items.Select(a => a.ContentItemId).ToHashSet(StringComparer.Ordinal);
        var related = latest.Items.SelectMany(a => a.Part("Article")!["RelatedArticles"]?["ContentItemIds"]?.AsArray() ?? []).Select(n => n!.GetValue<string>()).ToList();
        Assert.NotEmpty(related);
        Assert.All(related, id => Assert.Contains(id, ids));
        var covers = latest.Items.SelectMany(a => a.Part("Article")!["CoverImage"]?["Paths"]?.AsArray() ?? []).Select(n => n!.GetValue<string>()).Distinct().ToList();
        Assert.All(covers, path => Assert.True(File.Exists(Path.Combine(MediaRoot, path)), $"media file {path}"));
    }

    [Fact]
    public async Task The_sample_newsroom_can_run_again_without_duplicating_anything()
    {
        await RunFileAsync(Newsroom);
        await RunFileAsync(SampleContent);
        var first = await SnapshotAsync();

        await RunFileAsync(Newsroom);
        await RunFileAsync(SampleContent);

        Assert.Equal(first, await SnapshotAsync());
    }
}
