using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cms.E2E;

/// <summary>
/// The menu editor as an editor uses it: the header menu reordered by dragging and with the keyboard's buttons, an
/// entry nested under the one above, saved, and GraphQL then serves the new tree; a save on top of someone else's is
/// refused with the reason. Both screens pass axe.
/// </summary>
[Collection(AdminHostCollection.Name)]
public sealed class MenuEditorTests(AdminHostFixture host)
{
    private const string HeaderQuery = "{ menu(where: { displayText: \"Header\" }) { menuItemsListPart { menuItems { displayText menuItemsListPart { menuItems { displayText menuItemsListPart { menuItems { displayText } } } } } } } }";

    [SkippableFact]
    public async Task Reordering_and_nesting_the_header_menu_is_what_GraphQL_serves_after_saving()
    {
        await using var scenario = await BrowserScenario.StartAsync(host);
        await scenario.RunAsync(async () =>
        {
            var page = await scenario.NewPageAsync();
            await BrowserScenario.SignInAsync(page, BrowserScenario.AdminUserName, BrowserScenario.AdminPassword);
            await BrowserScenario.Navigation(page).GetByRole(AriaRole.Link, new() { Name = "Menus" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Menus", Level = 1 })).ToBeVisibleAsync();
            await scenario.CheckAccessibilityAsync(page, "menu list");
            await page.GetByRole(AriaRole.Link, new() { Name = "Header" }).ClickAsync();
            var tree = page.GetByTestId("menu-tree");
            await Expect(tree.Locator("input[aria-label^='Text of the entry']").First).ToHaveValueAsync("Home");
            await scenario.CheckAccessibilityAsync(page, "menu editor");

            // A drag: Opinion by its handle above Home, at the top of the list.
            Assert.True(await page.EvaluateAsync<bool>("() => typeof window.Sortable === 'function'"), "SortableJS is loaded");
            var from = (await Row(page, "Opinion").Locator(".menu-entry-handle").BoundingBoxAsync())!;
            var to = (await Row(page, "Home").BoundingBoxAsync())!;
            await page.Mouse.MoveAsync(from.X + (from.Width / 2), from.Y + (from.Height / 2));
            await page.Mouse.DownAsync();
            await page.Mouse.MoveAsync(from.X + (from.Width / 2), from.Y - 10, new() { Steps = 5 });
            await page.Mouse.MoveAsync(to.X + 20, to.Y + 3, new() { Steps = 20 });
            await page.Mouse.UpAsync();
            await Expect(TopLevel(page).First).ToHaveValueAsync("Opinion");

            // The keyboard way: Diaspora under Culture (the entry above it), then Interview up once (above Culture and what it holds).
            await page.GetByRole(AriaRole.Button, new() { Name = "Put Diaspora under the entry above" }).FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.Locator("[data-menu-status]")).ToHaveTextAsync("Now under Culture.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Move Interview up" }).FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Move Interview up" })).ToBeFocusedAsync();

            // A fourth level is refused before it is tried: Economy is on level 2 of News, Energy under it would be level 3, then Climate and Ecology under Energy 4.
            await page.GetByRole(AriaRole.Button, new() { Name = "Put Energy under the entry above" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Put Climate and Ecology under the entry above" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Put Climate and Ecology under the entry above" }).ClickAsync();
            await Expect(page.Locator("[data-menu-status]")).ToHaveTextAsync("Menus nest at most 3 levels.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Move Climate and Ecology back one level" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Move Energy back one level" }).ClickAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Save menu" }).ClickAsync();
            await Expect(page.Locator("[data-menu-status]")).ToHaveTextAsync("Saved: the menu is live.", new() { Timeout = 30_000 });
            await ScreenArtifacts.SaveAsync(page, "menu-editor");

            var outline = await HeaderOutlineAsync();
            Assert.Equal(
                [
                    "Opinion", "Home", "COP29", "News", "  Economy", "  Energy", "  Climate and Ecology",
                    "Interview", "Culture", "  Diaspora", "Science", "Logistics-Transport", "Gender", "History", "Defense", "Karabakh",
                ],
                outline);

            // Someone else saves meanwhile: this page's next save is refused, and says why.
            var other = await scenario.NewPageAsync();
            await BrowserScenario.SignInAsync(other, BrowserScenario.AdminUserName, BrowserScenario.AdminPassword);
            await other.GotoAsync(page.Url);
            await other.GetByRole(AriaRole.Button, new() { Name = "Move Home up" }).ClickAsync();
            await other.GetByRole(AriaRole.Button, new() { Name = "Save menu" }).ClickAsync();
            await Expect(other.Locator("[data-menu-status]")).ToHaveTextAsync("Saved: the menu is live.", new() { Timeout = 30_000 });
            await page.GetByRole(AriaRole.Button, new() { Name = "Remove Science" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save menu" }).ClickAsync();
            await Expect(page.Locator("[data-menu-status]")).ToContainTextAsync("Someone else saved this menu", new() { Timeout = 30_000 });
            Assert.Equal("Home", (await HeaderOutlineAsync())[0]);
            Assert.Contains("Science", await HeaderOutlineAsync());
        });
    }

    private static ILocator Row(IPage page, string label) =>
        page.Locator(".menu-entry-row").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = $"Move {label} up", Exact = true }) });

    private static ILocator TopLevel(IPage page) => page.Locator("[data-menu-tree] > li > .menu-entry-row input");

    private async Task<List<string>> HeaderOutlineAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        using var response = await http.PostAsJsonAsync("/api/graphql", new { query = HeaderQuery });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
        var lines = new List<string>();
        Outline(body.GetProperty("data").GetProperty("menu")[0], 0, lines);
        return lines;
    }

    private static void Outline(JsonElement owner, int level, List<string> lines)
    {
        if (!owner.TryGetProperty("menuItemsListPart", out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        foreach (var entry in list.GetProperty("menuItems").EnumerateArray())
        {
            lines.Add(new string(' ', level * 2) + entry.GetProperty("displayText").GetString());
            Outline(entry, level + 1, lines);
        }
    }
}
