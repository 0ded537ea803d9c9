using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Cms.E2E;

/// <summary>An address the admin does not have shows a not-found page inside the admin, with its navigation, and answers 404.</summary>
[Collection(AdminHostCollection.Name)]
public sealed class NotFoundPageTests(AdminHostFixture host)
{
    [SkippableFact]
    public async Task An_unknown_admin_address_and_a_deleted_user_show_the_admins_not_found_page()
    {
        await using var scenario = await BrowserScenario.StartAsync(host);
        await scenario.RunAsync(async () =>
        {
            var page = await scenario.NewPageAsync();
            await BrowserScenario.SignInAsync(page, BrowserScenario.AdminUserName, BrowserScenario.AdminPassword);

            var response = await page.GotoAsync("/admin/no-such-page");

            Assert.Equal(404, response!.Status);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("not-found")).ToContainTextAsync("/admin/no-such-page");
            await Expect(BrowserScenario.Navigation(page)).ToBeVisibleAsync();
            await scenario.CheckAccessibilityAsync(page, "admin not-found page");

            var missingUser = await page.GotoAsync("/admin/users/no-such-user/edit");
            Assert.Equal(404, missingUser!.Status);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "Go to the dashboard" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin$"));
        });
    }

    [SkippableFact]
    public async Task The_site_root_links_to_the_admin()
    {
        await using var scenario = await BrowserScenario.StartAsync(host);
        await scenario.RunAsync(async () =>
        {
            var page = await scenario.NewPageAsync();
            await page.GotoAsync("/");

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Newsroom Daily" })).ToBeVisibleAsync();
            await scenario.CheckAccessibilityAsync(page, "site root");
            await page.GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/login"));
        });
    }
}
