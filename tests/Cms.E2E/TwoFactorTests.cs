using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OtpNet;
using static Microsoft.Playwright.Assertions;

namespace Cms.E2E;

/// <summary>
/// Two-factor sign-in as a person sets it up: the key is read from the profile page as they would type it into an
/// authenticator app, the codes are computed as the app computes them (TOTP). Saves the enrolment screen as an artifact
/// (<c>TestResults/screenshots/two-factor-enrolment.png</c>).
/// </summary>
[Collection(AdminHostCollection.Name)]
public sealed partial class TwoFactorTests(AdminHostFixture host)
{
    private const string Password = "Two-Factor-Pass-8";

    [SkippableFact]
    public async Task Enrolling_on_the_profile_page_then_signing_in_with_a_computed_code()
    {
        await using var scenario = await BrowserScenario.StartAsync(host);
        await scenario.RunAsync(async () =>
        {
            var userName = "totp-" + Guid.NewGuid().ToString("N")[..8];
            await TestUsers.CreateAsync(scenario.Services, userName, Password, "Contributor");
            var page = await scenario.NewPageAsync();
            await BrowserScenario.SignInAsync(page, userName, Password);

            await page.GotoAsync("/admin/profile");
            var section = page.GetByRole(AriaRole.Region, new() { Name = "Two-factor sign-in" });
            await Expect(section.GetByTestId("two-factor-state")).ToContainTextAsync("Off.");
            await Expect(section.GetByRole(AriaRole.Img, new() { Name = "QR code that adds your Newsroom CMS account to an authenticator app" })).ToBeVisibleAsync();
            var key = (await section.GetByTestId("authenticator-key").TextContentAsync())!.Trim();
            Assert.Matches(KeyShape(), key);
            await scenario.CheckAccessibilityAsync(page, "profile with two-factor setup");
            Directory.CreateDirectory(BrowserScenario.ScreenshotDirectory);
            await section.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserScenario.ScreenshotDirectory, "two-factor-enrolment.png") });

            await section.GetByLabel("Code from the app").FillAsync("000000" == CodeFor(key) ? "111111" : "000000");
            await section.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
            await Expect(section.GetByText("The code is not correct or has expired")).ToBeVisibleAsync();

            await section.GetByLabel("Code from the app").FillAsync(CodeFor(key));
            await section.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
            var codes = page.GetByTestId("recovery-codes");
            await Expect(codes).ToBeVisibleAsync();
            await Expect(codes.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(10);
            await Expect(section.GetByTestId("two-factor-state")).ToContainTextAsync("Recovery codes left: 10");
            await scenario.CheckAccessibilityAsync(page, "profile with recovery codes");
            await section.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserScenario.ScreenshotDirectory, "two-factor-recovery-codes.png") });

            await BrowserScenario.SignOutAsync(page);
            await page.GotoAsync("/admin/login");
            await page.GetByLabel("User name or email").FillAsync(userName);
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/admin/login/two-factor"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Two-factor sign-in" })).ToBeVisibleAsync();
            await scenario.CheckAccessibilityAsync(page, "two-factor sign-in step");

            await page.GetByLabel("Code", new() { Exact = true }).FillAsync(CodeFor(key));
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Expect(page.GetByTestId("current-user")).ToHaveTextAsync(userName);
            await page.GotoAsync("/admin/profile");
            await Expect(page.GetByTestId("two-factor-state")).ToContainTextAsync("On:");
        });
    }

    private static string CodeFor(string key) =>
        new Totp(Base32Encoding.ToBytes(key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())).ComputeTotp(DateTime.UtcNow);

    [GeneratedRegex("^[a-z2-7]{4}( [a-z2-7]{1,4})+$")]
    private static partial Regex KeyShape();
}
