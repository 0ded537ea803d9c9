using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Cms.E2E;

/// <summary>
/// axe-core on the GraphQL explorer, and every list page on a phone: no serious or critical violation, and what a
/// row says and lets you do (its status, its roles, its Edit button) is on the screen, not scrolled off it.
/// </summary>
[Collection(AdminHostCollection.Name)]
public sealed class AccessibilityTests(AdminHostFixture host)
{
    [SkippableFact]
    public async Task The_GraphQL_explorer_passes_axe_with_a_query_and_its_result_on_screen()
    {
        await using var scenario = await BrowserScenario.StartAsync(host);
        await scenario.RunAsync(async () =>
        {
            var page = await scenario.NewPageAsync();
            await BrowserScenario.SignInAsync(page, BrowserScenario.AdminUserName, BrowserScenario.AdminPassword);
            await page.GotoAsync("/admin/graphql");
            await RunQueryAsync(page);

            await scenario.CheckAccessibilityAsync(page, "GraphQL explorer with a result");
        });
    }

    [SkippableFact]
    public async Task On_a_phone_the_explorer_shows_the_editor_and_the_result_one_above_the_other()
    {
        await using var scenario = await BrowserScenario.StartAsync(host);
        await scenario.RunAsync(async () =>
        {
            var page = await scenario.NewPhonePageAsync();
            await BrowserScenario.SignInAsync(page, BrowserScenario.AdminUserName, BrowserScenario.AdminPassword);
            await page.GotoAsync("/admin/graphql");
            await RunQueryAsync(page);

            var editor = await page.Locator(".graphiql-query-editor").BoundingBoxAsync();
            var result = await page.Locator(".result-window").BoundingBoxAsync();
            Assert.NotNull(editor);
            Assert.NotNull(result);
            AssertAcross(editor, "the query editor");
            AssertAcross(result, "the result pane");
            Assert.True(result.Y >= editor.Y + editor.Height - 1, $"the result pane (y {result.Y}) is not below the editor (y {editor.Y}, height {editor.Height})");
            Assert.True(result.Height >= 200, $"the result pane is {result.Height} px high");
            await scenario.CheckAccessibilityAsync(page, "GraphQL explorer on a phone");
        });
    }

    [SkippableFact]
    public async Task On_a_phone_every_list_page_passes_axe_and_keeps_status_roles_and_actions_on_screen()
    {
        await using var scenario = await BrowserScenario.StartAsync(host);
        await scenario.RunAsync(async () =>
        {
            var page = await scenario.NewPhonePageAsync();
            await BrowserScenario.SignInAsync(page, BrowserScenario.AdminUserName, BrowserScenario.AdminPassword);

            await page.GotoAsync("/admin/users");
            var admin = page.Locator($"tr[data-user='{BrowserScenario.AdminUserName}']");
            await AssertOnScreenAsync(admin.GetByText("Administrator"), "the user's role");
            await AssertOnScreenAsync(admin.GetByText("Enabled"), "the user's status");
            await AssertOnScreenAsync(admin.GetByRole(AriaRole.Link, new() { Name = $"Edit {BrowserScenario.AdminUserName}" }), "the user's Edit button");
            await scenario.CheckAccessibilityAsync(page, "users list on a phone");

            await page.GotoAsync("/admin/roles");
            var editor = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Editor" }).First;
            await AssertOnScreenAsync(editor.GetByRole(AriaRole.Link).Last, "the role's action");
            await scenario.CheckAccessibilityAsync(page, "roles list on a phone");

            await page.GotoAsync("/admin/clients");
            await scenario.CheckAccessibilityAsync(page, "API clients list on a phone");
            await page.GotoAsync("/admin");
            await scenario.CheckAccessibilityAsync(page, "dashboard on a phone");
        });
    }

    private static async Task RunQueryAsync(IPage page)
    {
        var editor = page.Locator(".graphiql-query-editor .CodeMirror");
        await Expect(editor).ToBeVisibleAsync();
        await editor.EvaluateAsync("(element, query) => element.CodeMirror.setValue(query)", "{ section(first: 3) { displayText } }");
        await page.GetByRole(AriaRole.Button, new() { Name = "Execute query (Ctrl-Enter)" }).ClickAsync();
        await Expect(page.Locator(".result-window")).ToContainTextAsync("\"displayText\"");
    }

    private static void AssertAcross(LocatorBoundingBoxResult box, string what)
    {
        var width = BrowserScenario.PhoneViewport.Width;
        Assert.True(box.X >= 0 && box.X + box.Width <= width + 1, $"{what} spans x {box.X} to {box.X + box.Width}, outside the {width} px screen");
        Assert.True(box.Width >= width * 0.8, $"{what} is only {box.Width} px wide on a {width} px screen");
    }

    private static async Task AssertOnScreenAsync(ILocator element, string what)
    {
        await Expect(element).ToBeVisibleAsync();
        var box = await element.BoundingBoxAsync();
        var width = BrowserScenario.PhoneViewport.Width;
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.X + box.Width <= width, $"{what} is at x {box.X} to {box.X + box.Width}, off the {width} px screen");
    }
}
