using System.Text.Json.Nodes;
using Cms.Recipes.Tests.Support;
using static Cms.Recipes.Tests.Support.TestRecipes;

namespace Cms.Recipes.Tests;

/// <summary>The <c>Settings</c> step sets what front ends show, with the admin's checks (<c>SiteSettingsRules</c>).</summary>
public sealed class SettingsStepTests : RecipeTestBase
{
    private static JsonObject FrontEndSettings() => new()
    {
        ["name"] = "Settings",
        ["siteName"] = "Test Daily",
        ["Tagline"] = "  The day, in short  ",
        ["Logo"] = "site/logo.png",
        ["FooterText"] = "First line\r\nSecond line",
        ["SocialLinks"] = new JsonArray(new JsonObject { ["Name"] = "Telegram", ["Url"] = "https://telegram.example/test" }),
        ["CookieNotice"] = new JsonObject
        {
            ["Text"] = "Cookies help us count visits.",
            ["Links"] = new JsonArray(new JsonObject { ["Text"] = "Privacy policy", ["Url"] = "/privacy-policy" }, new JsonObject { ["Text"] = "Terms", ["Url"] = "https://example.com/terms" }),
        },
    };

    [Fact]
    public async Task The_step_sets_the_front_end_settings_cleaned_and_keeps_the_ones_it_does_not_name()
    {
        await RunAsync(Recipe(Settings("Before", "Asia/Baku")));

        await RunAsync(Recipe(FrontEndSettings()));

        var settings = await SettingsAsync();
        Assert.Equal(("Test Daily", "Asia/Baku"), (settings.SiteName, settings.TimeZone));
        Assert.Equal("The day, in short", settings.Tagline);
        Assert.Equal("site/logo.png", settings.Logo);
        Assert.Equal("First line\nSecond line", settings.FooterText);
        Assert.Equal(("Telegram", "https://telegram.example/test"), (Assert.Single(settings.SocialLinks).Name, settings.SocialLinks[0].Url));
        Assert.Equal("Cookies help us count visits.", settings.CookieNotice.Text);
        Assert.Equal(["/privacy-policy", "https://example.com/terms"], settings.CookieNotice.Links.Select(l => l.Url));
    }

    [Fact]
    public async Task Running_the_step_again_writes_nothing()
    {
        await RunAsync(Recipe(FrontEndSettings()));
        var first = await SnapshotAsync();

        await RunAsync(Recipe(FrontEndSettings()));

        Assert.Equal(first, await SnapshotAsync());
    }

    [Theory]
    [InlineData("SocialLinks", "[{\"Name\":\"Evil\",\"Url\":\"javascript:alert(1)\"}]", "$.steps[1].SocialLinks[0].Url", "must be an http or https address")]
    [InlineData("CookieNotice", "{\"Text\":\"x\",\"Links\":[{\"Text\":\"Privacy\",\"Url\":\"//evil.example\"}]}", "$.steps[1].CookieNotice.Links[0].Url", "or a path on the site")]
    [InlineData("Tagline", "\"<b>bold</b>\"", "$.steps[1].Tagline", "must be plain text")]
    [InlineData("Logo", "\"../secret.png\"", "$.steps[1].Logo", "is not a media library path")]
    [InlineData("SocialLinks", "[{\"Name\":\"A\",\"Link\":\"https://a.example\"}]", "$.steps[1].SocialLinks[0].Link", "unknown property 'Link'")]
    [InlineData("Colour", "\"red\"", "$.steps[1].Colour", "unknown setting 'Colour'")]
    public async Task A_bad_value_fails_the_recipe_with_its_path_and_changes_nothing(string key, string json, string path, string problem)
    {
        await RunAsync(Recipe(Settings()));
        var step = new JsonObject { ["name"] = "Settings", ["FooterText"] = "must not be saved", [key] = JsonNode.Parse(json) };

        var error = await FailsWithoutChangesAsync(Recipe(Settings("Other"), step));

        Assert.Equal(path, error.JsonPath);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        Assert.Equal("Test Daily", (await SettingsAsync()).SiteName);
        Assert.Null((await SettingsAsync()).FooterText);
    }
}
