using Cms.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Cms.E2E;

/// <summary>The scenario: who may open what, and a role change that takes effect on the next request.</summary>
[Collection(AdminHostCollection.Name)]
public sealed class AdminAccessTests(AdminHostFixture host)
{
    private const string AuthorPassword = "Author-Password-42";

    [SkippableFact]
    public async Task Author_is_refused_the_users_page_until_the_administrator_grants_ManageUsers_to_the_Author_role()
    {
        await using var scenario = await BrowserScenario.StartAsync(host);
        await scenario.RunAsync(async () =>
        {
            var authorName = "author-" + Guid.NewGuid().ToString("N")[..8];

            // The administrator signs in, creates a user with the Author role and signs out.
            var admin = await scenario.NewPageAsync();
            await BrowserScenario.SignInAsync(admin, BrowserScenario.AdminUserName, BrowserScenario.AdminPassword);
            await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
            await scenario.CheckAccessibilityAsync(admin, "dashboard (administrator)");

            await BrowserScenario.Navigation(admin).GetByRole(AriaRole.Link, new() { Name = "Users" }).ClickAsync();
            await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Users", Level = 1 })).ToBeVisibleAsync();
            await scenario.CheckAccessibilityAsync(admin, "users list");

            await admin.GetByRole(AriaRole.Link, new() { Name = "New user" }).ClickAsync();
            await admin.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
            await Expect(admin.GetByText("Enter a user name.")).ToBeVisibleAsync();
            await Expect(admin.GetByText("Enter a password.")).ToBeVisibleAsync();
            await scenario.CheckAccessibilityAsync(admin, "new user form with validation errors");

            await admin.GetByLabel("User name", new() { Exact = true }).FillAsync(authorName);
            await admin.GetByLabel("Display name").FillAsync("Aysel Author");
            await admin.GetByLabel("Email").FillAsync(authorName + "@example.com");
            await admin.GetByLabel("Password", new() { Exact = true }).FillAsync(AuthorPassword);
            await admin.GetByLabel("Repeat password").FillAsync(AuthorPassword);
            await admin.GetByRole(AriaRole.Checkbox, new() { Name = "Author", Exact = true }).CheckAsync();
            await admin.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
            await Expect(admin.GetByRole(AriaRole.Status).Filter(new() { HasText = $"User {authorName} was created." })).ToBeVisibleAsync();
            var row = admin.Locator($"tr[data-user='{authorName}']");
            await Expect(row).ToContainTextAsync("Aysel Author");
            await Expect(row).ToContainTextAsync("Author");
            await Expect(row).ToContainTextAsync("Enabled");
            await BrowserScenario.SignOutAsync(admin);
            await scenario.CheckAccessibilityAsync(admin, "sign-in page after sign-out");

            // The author signs in: no Users entry in the navigation, and the users page is refused.
            var author = await scenario.NewPageAsync();
            await BrowserScenario.SignInAsync(author, authorName, AuthorPassword);
            await Expect(author.GetByTestId("current-user")).ToHaveTextAsync("Aysel Author");
            await Expect(BrowserScenario.Navigation(author).GetByRole(AriaRole.Link, new() { Name = "Dashboard" })).ToBeVisibleAsync();
            await Expect(BrowserScenario.Navigation(author).GetByRole(AriaRole.Link, new() { Name = "Users" })).ToHaveCountAsync(0);
            await Expect(BrowserScenario.Navigation(author).GetByRole(AriaRole.Link, new() { Name = "Roles" })).ToHaveCountAsync(0);
            await scenario.CheckAccessibilityAsync(author, "dashboard (author)");

            var refused = await author.GotoAsync("/admin/users");
            Assert.Equal(403, refused!.Status);
            await Expect(author.GetByRole(AriaRole.Heading, new() { Name = "Access denied" })).ToBeVisibleAsync();
            await Expect(author.GetByTestId("missing-permissions")).ToContainTextAsync("ManageUsers");
            await Expect(author.GetByRole(AriaRole.Heading, new() { Name = "Users", Level = 1 })).ToHaveCountAsync(0);
            await scenario.CheckAccessibilityAsync(author, "access denied");

            // The administrator gives the Author role ManageUsers; the author's open session sees it on its next request.
            await BrowserScenario.SignInAsync(admin, BrowserScenario.AdminUserName, BrowserScenario.AdminPassword);
            await BrowserScenario.Navigation(admin).GetByRole(AriaRole.Link, new() { Name = "Roles" }).ClickAsync();
            await scenario.CheckAccessibilityAsync(admin, "roles list");
            await admin.Locator("tr[data-role='Author']").GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
            await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Role Author" })).ToBeVisibleAsync();
            await scenario.CheckAccessibilityAsync(admin, "role editor");
            var manageUsers = admin.GetByRole(AriaRole.Checkbox, new() { Name = "Create, edit, disable users and assign their roles. ManageUsers" });
            await Expect(manageUsers).Not.ToBeCheckedAsync();
            await manageUsers.CheckAsync();
            await admin.GetByRole(AriaRole.Button, new() { Name = "Save role" }).ClickAsync();
            await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("The role Author was saved.");

            await author.GotoAsync("/admin");
            await Expect(BrowserScenario.Navigation(author).GetByRole(AriaRole.Link, new() { Name = "Users" })).ToBeVisibleAsync();
            await BrowserScenario.Navigation(author).GetByRole(AriaRole.Link, new() { Name = "Users" }).ClickAsync();
            await Expect(author.GetByRole(AriaRole.Heading, new() { Name = "Users", Level = 1 })).ToBeVisibleAsync();
            await Expect(author.Locator($"tr[data-user='{authorName}']")).ToBeVisibleAsync();

            // Put the role back as it was, for the other tests.
            await admin.GotoAsync("/admin/roles/Author/edit");
            await admin.GetByRole(AriaRole.Checkbox, new() { Name = "Create, edit, disable users and assign their roles. ManageUsers" }).UncheckAsync();
            await admin.GetByRole(AriaRole.Button, new() { Name = "Save role" }).ClickAsync();
            await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("The role Author was saved.");
            var refusedAgain = await author.GotoAsync("/admin/users");
            Assert.Equal(403, refusedAgain!.Status);
        });
    }

    [SkippableFact]
    public async Task Disabling_a_user_ends_their_open_session_and_stops_their_sign_in()
    {
        await using var scenario = await BrowserScenario.StartAsync(host);
        await scenario.RunAsync(async () =>
        {
            var userName = "leaving-" + Guid.NewGuid().ToString("N")[..8];
            await TestUsers.CreateAsync(scenario.Services, userName, AuthorPassword, "Author");

            var user = await scenario.NewPageAsync();
            await BrowserScenario.SignInAsync(user, userName, AuthorPassword);
            await Expect(user.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();

            var admin = await scenario.NewPageAsync();
            await BrowserScenario.SignInAsync(admin, BrowserScenario.AdminUserName, BrowserScenario.AdminPassword);
            await admin.GotoAsync("/admin/users?q=" + userName);
            await admin.Locator($"tr[data-user='{userName}']").GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
            await scenario.CheckAccessibilityAsync(admin, "user editor");
            await admin.GetByRole(AriaRole.Button, new() { Name = "Disable" }).ClickAsync();
            var dialog = admin.GetByRole(AriaRole.Dialog);
            await Expect(dialog).ToBeVisibleAsync();
            await scenario.CheckAccessibilityAsync(admin, "disable user dialog");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Disable user" }).ClickAsync();
            await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"User {userName} was disabled");

            using (var scope = scenario.Services.CreateScope())
            {
                var stored = await scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>().FindByNameAsync(userName);
                Assert.False(stored!.IsEnabled);
            }

            await user.GotoAsync("/admin");
            await Expect(user).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/login"));
            await user.GetByLabel("User name or email").FillAsync(userName);
            await user.GetByLabel("Password", new() { Exact = true }).FillAsync(AuthorPassword);
            await user.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Expect(user.GetByRole(AriaRole.Alert)).ToContainTextAsync("The user name or password is not correct.");
            await scenario.CheckAccessibilityAsync(user, "sign-in page with an error");
        });
    }
}
