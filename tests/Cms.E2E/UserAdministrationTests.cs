using System.Security.Claims;
using Cms.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Cms.E2E;

[Collection(AdminHostCollection.Name)]
public sealed class UserAdministrationTests(AdminHostFixture host)
{
    private const string Password = "User-Manager-Pass-3";

    [SkippableFact]
    public async Task A_user_manager_who_is_not_an_administrator_cannot_grant_the_Administrator_role()
    {
        await using var scenario = await BrowserScenario.StartAsync(host);
        await scenario.RunAsync(async () =>
        {
            var suffix = Guid.NewGuid().ToString("N")[..8];
            var roleName = "UserManagers" + suffix;
            await CreateRoleAsync(scenario.Services, roleName, "AccessAdminPanel", "ManageUsers");
            var manager = "manager-" + suffix;
            var target = "target-" + suffix;
            await TestUsers.CreateAsync(scenario.Services, manager, Password, roleName);
            var targetUser = await TestUsers.CreateAsync(scenario.Services, target, Password, "Author");

            var page = await scenario.NewPageAsync();
            await BrowserScenario.SignInAsync(page, manager, Password);
            await page.GotoAsync($"/admin/users/{targetUser.Id}/edit");
            var administrator = page.GetByRole(AriaRole.Checkbox, new() { Name = "Administrator", Exact = true });
            await Expect(administrator).ToBeDisabledAsync();

            // Forge it: enable the box, tick it and post.
            await administrator.EvaluateAsync("box => { box.disabled = false; box.checked = true; }");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(page.GetByText("Only an administrator can give someone the Administrator role.")).ToBeVisibleAsync();
            var (_, roles) = await TestUsers.LoadAsync(scenario.Services, target);
            Assert.Equal(["Author"], roles);

            // Nor for a new user.
            await page.GotoAsync("/admin/users/create");
            await page.GetByLabel("User name", new() { Exact = true }).FillAsync("escalate-" + suffix);
            await page.GetByLabel("Email").FillAsync("escalate-" + suffix + "@example.com");
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
            await page.GetByLabel("Repeat password").FillAsync(Password);
            await page.GetByRole(AriaRole.Checkbox, new() { Name = "Administrator", Exact = true })
                .EvaluateAsync("box => { box.disabled = false; box.checked = true; }");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
            await Expect(page.GetByText("Only an administrator can give someone the Administrator role.")).ToBeVisibleAsync();
            using var scope = scenario.Services.CreateScope();
            Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>().FindByNameAsync("escalate-" + suffix));
        });
    }

    [SkippableFact]
    public async Task Users_list_searches_and_pages_and_the_administrator_resets_a_password()
    {
        await using var scenario = await BrowserScenario.StartAsync(host);
        await scenario.RunAsync(async () =>
        {
            var prefix = "desk" + Guid.NewGuid().ToString("N")[..6];
            for (var i = 1; i <= 23; i++)
            {
                await TestUsers.CreateAsync(scenario.Services, $"{prefix}-{i:00}", Password, "Contributor");
            }

            var admin = await scenario.NewPageAsync();
            await BrowserScenario.SignInAsync(admin, BrowserScenario.AdminUserName, BrowserScenario.AdminPassword);
            await admin.GotoAsync("/admin/users");
            await admin.GetByRole(AriaRole.Searchbox, new() { Name = "Search users" }).FillAsync(prefix.ToUpperInvariant());
            await admin.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
            await Expect(admin.GetByText($"23 users matching “{prefix.ToUpperInvariant()}” · page 1 of 2")).ToBeVisibleAsync();
            await Expect(admin.Locator("tbody tr")).ToHaveCountAsync(20);
            await scenario.CheckAccessibilityAsync(admin, "users search results with pager");
            await admin.GetByRole(AriaRole.Navigation, new() { Name = "Pages" }).GetByRole(AriaRole.Link, new() { Name = "Next" }).ClickAsync();
            await Expect(admin.Locator("tbody tr")).ToHaveCountAsync(3);
            await Expect(admin.Locator($"tr[data-user='{prefix}-23']")).ToBeVisibleAsync();

            await admin.Locator($"tr[data-user='{prefix}-23']").GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
            await admin.GetByRole(AriaRole.Link, new() { Name = "Reset password" }).ClickAsync();
            await admin.GetByLabel("New password", new() { Exact = true }).FillAsync("short");
            await admin.GetByLabel("Repeat new password").FillAsync("short");
            await admin.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
            await Expect(admin.Locator("#password-error")).ToContainTextAsync("at least 12 characters");
            await scenario.CheckAccessibilityAsync(admin, "reset password with an error");
            await admin.GetByLabel("New password", new() { Exact = true }).FillAsync("Reset-By-Admin-2024");
            await admin.GetByLabel("Repeat new password").FillAsync("Reset-By-Admin-2024");
            await admin.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
            await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("was reset");

            var user = await scenario.NewPageAsync();
            await BrowserScenario.SignInAsync(user, $"{prefix}-23", "Reset-By-Admin-2024");
            await Expect(user.GetByTestId("current-user")).ToHaveTextAsync($"{prefix}-23");
        });
    }

    private static async Task CreateRoleAsync(IServiceProvider services, string name, params string[] permissions)
    {
        using var scope = services.CreateScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<CmsRole>>();
        var role = new CmsRole { Name = name };
        await roles.CreateAsync(role);
        foreach (var permission in permissions)
        {
            await roles.AddClaimAsync(role, new Claim("Permission", permission));
        }
    }
}
