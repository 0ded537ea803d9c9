using System.Text.Json.Nodes;
using Cms.Core.Content;
using Cms.Core.Queries;
using Cms.Recipes.Tests.Support;

namespace Cms.Recipes.Tests;

/// <summary>The newsroom recipe's pages and menus, and the menu rules a recipe meets like any other caller.</summary>
public sealed class ShippedMenuTests : RecipeTestBase
{
    private static string Newsroom => Path.Combine(ShippedRecipes, "newsroom.recipe.json");

    [Fact]
    public async Task The_header_menu_is_exactly_the_site_header()
    {
        await RunFileAsync(Newsroom);

        var header = await MenuAsync("Header");

        Assert.Equal(
            [
                "Home -> /",
                "COP29 -> sec-cop29",
                "Opinion -> sec-opinion",
                "News -> sec-news",
                "  Economy -> sec-economy",
                "  Energy -> sec-energy",
                "  Climate and Ecology -> sec-climate-and-ecology",
                "Culture -> sec-culture",
                "Diaspora -> sec-diaspora",
                "Interview -> sec-interview",
                "Science -> sec-science",
                "Logistics-Transport -> sec-logistics-transport",
                "Gender -> sec-gender",
                "History -> sec-history",
                "Defense -> sec-defense",
                "Karabakh -> sec-karabakh",
            ],
            Outline(header.Part("MenuItemsListPart")!));
        Assert.True(header.Published);
        var home = header.Part("MenuItemsListPart")!["MenuItems"]![0]!;
        Assert.Equal("LinkMenuItem", home["ContentType"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_side_menu_has_its_own_order_and_who_we_are()
    {
        await RunFileAsync(Newsroom);

        var side = await MenuAsync("Side");

        Assert.Equal(
            [
                "News -> sec-news", "Economy -> sec-economy", "Energy -> sec-energy", "Climate and Ecology -> sec-climate-and-ecology",
                "Opinion -> sec-opinion", "Interview -> sec-interview", "Karabakh -> sec-karabakh", "Defense -> sec-defense",
                "Diaspora -> sec-diaspora", "Culture -> sec-culture", "History -> sec-history", "Science -> sec-science",
                "Gender -> sec-gender", "Logistics-Transport -> sec-logistics-transport", "COP29 -> sec-cop29", "Who we are -> page-who-we-are",
            ],
            Outline(side.Part("MenuItemsListPart")!));
    }

    [Fact]
    public async Task The_recipe_publishes_the_three_pages_with_their_paths()
    {
        await RunFileAsync(Newsroom);

        var pages = await QueryAsync(new ContentQuery { ContentType = "Page", OrderBy = [ContentSort.By(ContentColumn.DisplayText)] });

        Assert.Equal(["Privacy policy", "Terms of use", "Who we are"], pages.Items.Select(p => p.DisplayText));
        Assert.Equal(["privacy-policy", "terms-of-use", "who-we-are"], pages.Items.Select(p => p.Part("AutoroutePart")!["Path"]!.GetValue<string>()));
        Assert.All(pages.Items, p =>
        {
            Assert.True(p.Published);
            Assert.Contains("<h2>", p.Part("HtmlBodyPart")!["Html"]!.GetValue<string>(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_fourth_level_is_refused_and_nothing_is_written()
    {
        await RunFileAsync(Newsroom);

        var error = await FailsWithoutChangesAsync(MenuRecipe(Link("l1", "One", "/one", Link("l2", "Two", "/two", Link("l3", "Three", "/three", Link("l4", "Four", "/four"))))));

        Assert.Contains("Data[0].MenuItemsListPart.MenuItems[0].MenuItemsListPart.MenuItems[0].MenuItemsListPart.MenuItems[0].MenuItemsListPart.MenuItems", error.Message, StringComparison.Ordinal);
        Assert.Contains("at most 3 levels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Three_levels_are_accepted()
    {
        await RunFileAsync(Newsroom);

        await RunAsync(MenuRecipe(Link("l1", "One", "/one", Link("l2", "Two", "/two", Link("l3", "Three", "/three")))));

        Assert.Equal(["One -> /one", "  Two -> /two", "    Three -> /three"], Outline((await GetAsync("menu-test"))!.Part("MenuItemsListPart")!));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<b>x</b>")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("")]
    public async Task An_unsafe_or_missing_link_is_refused(string url)
    {
        await RunFileAsync(Newsroom);

        var error = await FailsWithoutChangesAsync(MenuRecipe(Link("l1", "One", "/one", Link("l2", "Bad", url))));

        Assert.Contains("MenuItems[0].MenuItemsListPart.MenuItems[0].LinkMenuItemPart.Url", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_content_menu_item_must_open_an_existing_section_or_page()
    {
        await RunFileAsync(Newsroom);

        var missing = await FailsWithoutChangesAsync(MenuRecipe(Content("c1", "Nowhere", "sec-does-not-exist")));
        Assert.Contains("no item has the id 'sec-does-not-exist'", missing.Message, StringComparison.Ordinal);

        var menu = await FailsWithoutChangesAsync(MenuRecipe(Content("c1", "A menu", "menu-header")));
        Assert.Contains("a content menu item opens a Section or Page", menu.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_content_menu_item_without_a_label_takes_the_title_of_its_item()
    {
        await RunFileAsync(Newsroom);

        await RunAsync(MenuRecipe(Content("c1", "", "page-terms-of-use")));

        Assert.Equal(["Terms of use -> page-terms-of-use"], Outline((await GetAsync("menu-test"))!.Part("MenuItemsListPart")!));
    }

    [Fact]
    public async Task Only_menu_item_types_go_into_a_menu()
    {
        await RunFileAsync(Newsroom);
        var article = new JsonObject { ["ContentItemId"] = "x", ["ContentType"] = "Page", ["DisplayText"] = "Sneaky" };

        var error = await FailsWithoutChangesAsync(MenuRecipe(article));

        Assert.Contains("'Page' is not a menu item type; a menu holds ContentMenuItem, LinkMenuItem", error.Message, StringComparison.Ordinal);
    }

    private async Task<ContentItem> MenuAsync(string name)
    {
        var menus = await QueryAsync(new ContentQuery { ContentType = "Menu", Where = new ColumnFilter(ContentColumn.DisplayText, FilterOperator.Equal, name) });
        return Assert.Single(menus.Items);
    }

    /// <summary>One line per item, indented by level: "label -> url" or "label -> selected id".</summary>
    private static List<string> Outline(JsonObject list, int level = 0)
    {
        var lines = new List<string>();
        foreach (var entry in list["MenuItems"]!.AsArray().Select(n => n!.AsObject()))
        {
            var target = entry["LinkMenuItemPart"]?["Url"]?.GetValue<string>()
                ?? entry["ContentMenuItemPart"]!["SelectedContentItem"]!["ContentItemIds"]![0]!.GetValue<string>();
            lines.Add($"{new string(' ', level * 2)}{entry["DisplayText"]!.GetValue<string>()} -> {target}");
            if (entry["MenuItemsListPart"] is JsonObject children)
            {
                lines.AddRange(Outline(children, level + 1));
            }
        }

        return lines;
    }

    private static JsonObject Link(string id, string label, string url, params JsonObject[] children) =>
        Entry(id, "LinkMenuItem", label, "LinkMenuItemPart", new JsonObject { ["Url"] = url }, children);

    private static JsonObject Content(string id, string label, string target, params JsonObject[] children) =>
        Entry(id, "ContentMenuItem", label, "ContentMenuItemPart", new JsonObject { ["SelectedContentItem"] = new JsonObject { ["ContentItemIds"] = new JsonArray(target) } }, children);

    private static JsonObject Entry(string id, string type, string label, string part, JsonObject value, JsonObject[] children)
    {
        var entry = new JsonObject { ["ContentItemId"] = id, ["ContentType"] = type, ["DisplayText"] = label, [part] = value };
        if (children.Length > 0)
        {
            entry["MenuItemsListPart"] = new JsonObject { ["MenuItems"] = new JsonArray([.. children]) };
        }

        return entry;
    }

    private static string MenuRecipe(params JsonObject[] items) => new JsonObject
    {
        ["name"] = "menu-test",
        ["steps"] = new JsonArray(new JsonObject
        {
            ["name"] = "Content",
            ["Data"] = new JsonArray(new JsonObject
            {
                ["ContentItemId"] = "menu-test",
                ["ContentType"] = "Menu",
                ["Published"] = true,
                ["TitlePart"] = new JsonObject { ["Title"] = "Test" },
                ["MenuItemsListPart"] = new JsonObject { ["MenuItems"] = new JsonArray([.. items]) },
            }),
        }),
    }.ToJsonString();
}
