using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Cms.E2E;

/// <summary>The GraphiQL explorer in the admin: reachable from the navigation with ExecuteGraphQL, running queries with the user's cookie.</summary>
[Collection(AdminHostCollection.Name)]
public sealed class GraphQLExplorerTests(AdminHostFixture host)
{
    [SkippableFact]
    public async Task The_administrator_opens_the_explorer_from_the_navigation_and_runs_a_query()
    {
        await using var scenario = await BrowserScenario.StartAsync(host);
        await scenario.RunAsync(async () =>
        {
            var page = await scenario.NewPageAsync();
            await BrowserScenario.SignInAsync(page, BrowserScenario.AdminUserName, BrowserScenario.AdminPassword);
            await BrowserScenario.Navigation(page).GetByRole(AriaRole.Link, new() { Name = "GraphQL explorer" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/graphql$"));

            var editor = page.Locator(".graphiql-query-editor .CodeMirror");
            await Expect(editor).ToBeVisibleAsync();
            await editor.EvaluateAsync("(element, query) => element.CodeMirror.setValue(query)",
                "{ section(where: { contentItemId: \"sec-energy\" }) { displayText parent { contentItems { displayText } } } }");
            await page.GetByRole(AriaRole.Button, new() { Name = "Execute query (Ctrl-Enter)" }).ClickAsync();

            var result = page.Locator(".result-window");
            await Expect(result).ToContainTextAsync("\"displayText\": \"Energy\"");
            await Expect(result).ToContainTextAsync("\"displayText\": \"News\"");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Back to the admin" })).ToBeVisibleAsync();
        });
    }

    [SkippableFact]
    public async Task A_visitor_who_is_not_signed_in_is_sent_to_the_sign_in_page()
    {
        await using var scenario = await BrowserScenario.StartAsync(host);
        await scenario.RunAsync(async () =>
        {
            var page = await scenario.NewPageAsync();
            await page.GotoAsync("/admin/graphql");

            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/login"));
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
        });
    }
}
