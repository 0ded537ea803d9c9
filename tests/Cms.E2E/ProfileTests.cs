using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Cms.E2E;

[Collection(AdminHostCollection.Name)]
public sealed class ProfileTests(AdminHostFixture host)
{
    private const string Password = "Contributor-Pass-7";

    [SkippableFact]
    public async Task Profile_form_ignores_extra_Roles_and_IsEnabled_fields_posted_with_it()
    {
        await using var scenario = await BrowserScenario.StartAsync(host);
        await scenario.RunAsync(async () =>
        {
            var userName = "contrib-" + Guid.NewGuid().ToString("N")[..8];
            await TestUsers.CreateAsync(scenario.Services, userName, Password, "Contributor");

            var page = await scenario.NewPageAsync();
            await BrowserScenario.SignInAsync(page, userName, Password);
            await page.GotoAsync("/admin/profile");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your profile" })).ToBeVisibleAsync();
            await scenario.CheckAccessibilityAsync(page, "profile");

            // A tampered form: the fields a mass-assignment attack would add, under every plausible name.
            await page.EvaluateAsync("""
                () => {
                    const form = document.querySelector("main form[method=post]");
                    const add = (name, value) => {
                        const input = document.createElement("input");
                        input.type = "hidden";
                        input.name = name;
                        input.value = value;
                        form.appendChild(input);
                    };
                    for (const prefix of ["Input.", ""]) {
                        add(prefix + "Roles", "Administrator");
                        add(prefix + "Roles[0]", "Administrator");
                        add(prefix + "IsEnabled", "false");
                        add(prefix + "UserName", "hijacked");
                        add(prefix + "EmailConfirmed", "false");
                        add(prefix + "LockoutEnabled", "false");
                    }
                }
                """);
            await page.GetByLabel("Display name").FillAsync("Renamed Contributor");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your profile was saved.");
            await Expect(page.GetByTestId("profile-roles")).ToHaveTextAsync("Contributor");
            await Expect(page.GetByTestId("profile-username")).ToHaveTextAsync(userName);

            var (stored, roles) = await TestUsers.LoadAsync(scenario.Services, userName);
            Assert.Equal("Renamed Contributor", stored.DisplayName);
            Assert.Equal(["Contributor"], roles);
            Assert.True(stored.IsEnabled);
            Assert.Equal(userName, stored.UserName);
            Assert.True(stored.EmailConfirmed);
            Assert.True(stored.LockoutEnabled);

            // The same session still works (it was not disabled) and is still not an administrator's.
            var refused = await page.GotoAsync("/admin/roles");
            Assert.Equal(403, refused!.Status);
        });
    }

    [SkippableFact]
    public async Task Changing_the_own_password_needs_the_current_one()
    {
        await using var scenario = await BrowserScenario.StartAsync(host);
        await scenario.RunAsync(async () =>
        {
            var userName = "pw-" + Guid.NewGuid().ToString("N")[..8];
            await TestUsers.CreateAsync(scenario.Services, userName, Password, "Contributor");
            var page = await scenario.NewPageAsync();
            await BrowserScenario.SignInAsync(page, userName, Password);
            await page.GotoAsync("/admin/profile/password");

            await page.GetByLabel("Current password").FillAsync("not-the-password");
            await page.GetByLabel("New password", new() { Exact = true }).FillAsync("Brand-New-Pass-99");
            await page.GetByLabel("Repeat new password").FillAsync("Brand-New-Pass-99");
            await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
            await Expect(page.GetByText("The current password is not correct.")).ToBeVisibleAsync();
            await scenario.CheckAccessibilityAsync(page, "change password with an error");

            await page.GetByLabel("Current password").FillAsync(Password);
            await page.GetByLabel("New password", new() { Exact = true }).FillAsync("Brand-New-Pass-99");
            await page.GetByLabel("Repeat new password").FillAsync("Brand-New-Pass-99");
            await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your password was changed.");

            await BrowserScenario.SignOutAsync(page);
            await BrowserScenario.SignInAsync(page, userName, "Brand-New-Pass-99");
            await Expect(page.GetByTestId("current-user")).ToHaveTextAsync(userName);

            await page.GotoAsync("/admin/logout");
            await Expect(page.GetByText($"You are signed in as {userName}.")).ToBeVisibleAsync();
            await scenario.CheckAccessibilityAsync(page, "sign-out confirmation");
        });
    }
}
