using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cms.Core.Settings;
using Cms.Security.Tests.Support;
using Cms.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Security.Tests;

/// <summary>
/// The site settings front ends read anonymously (<c>site { ... }</c>) and administrators edit on <c>/admin/settings</c>:
/// the recipe's values come out of GraphQL, a save shows at the next query (the cached answer is dropped), bad input is
/// refused with the field named and nothing saved, and only holders of ManageSettings may open or post the page.
/// </summary>
public sealed class SiteSettingsTests(SecurityTestFactory host) : IClassFixture<SecurityTestFactory>
{
    private const string Page = "/admin/settings";

    private const string SiteQuery = "{ site { siteName tagline logo { path url mediaText width height } footerText socialLinks { name url } cookieNotice { text links { text url } } } }";

    [Fact]
    public async Task Anonymous_front_ends_read_the_settings_the_newsroom_recipe_set()
    {
        var site = await QuerySiteAsync();

        Assert.Equal("Newsroom Daily", site.GetProperty("siteName").GetString());
        Assert.Contains("South Caucasus", site.GetProperty("tagline").GetString(), StringComparison.Ordinal);
        Assert.Equal("site/logo.png", site.GetProperty("logo").GetProperty("path").GetString());
        Assert.EndsWith("/media/site/logo.png", site.GetProperty("logo").GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal("Newsroom Daily", site.GetProperty("logo").GetProperty("mediaText").GetString());
        Assert.Equal((480, 120), (site.GetProperty("logo").GetProperty("width").GetInt32(), site.GetProperty("logo").GetProperty("height").GetInt32()));
        Assert.Contains('\n', site.GetProperty("footerText").GetString()!);
        Assert.Equal(["Facebook", "X", "Telegram", "YouTube"], site.GetProperty("socialLinks").EnumerateArray().Select(l => l.GetProperty("name").GetString()));
        Assert.All(site.GetProperty("socialLinks").EnumerateArray(), l => Assert.StartsWith("https://", l.GetProperty("url").GetString(), StringComparison.Ordinal));
        var notice = site.GetProperty("cookieNotice");
        Assert.False(string.IsNullOrWhiteSpace(notice.GetProperty("text").GetString()));
        Assert.Equal(
            [("Privacy policy", "/privacy-policy"), ("Terms of use", "/terms-of-use")],
            notice.GetProperty("links").EnumerateArray().Select(l => (l.GetProperty("text").GetString(), l.GetProperty("url").GetString())));
    }

    [Fact]
    public async Task An_administrator_saves_the_settings_page_and_the_next_anonymous_query_shows_the_change()
    {
        var before = await SettingsAsync();
        await QuerySiteAsync(); // now in the anonymous response cache
        var admin = await host.SignInSessionAsync(CmsWebApplicationFactory.AdminUserName, CmsWebApplicationFactory.AdminPassword);
        try
        {
            var form = Form(before);
            form["Input.Tagline"] = "  Mornings from the Caspian \u0007shore  ";
            form["Input.FooterText"] = "Line one\r\nLine two";
            form["Input.SocialLinks[0].Text"] = "Mastodon";
            form["Input.SocialLinks[0].Url"] = "https://social.example/@daily";
            form["Input.SocialLinks[1].Text"] = "";
            form["Input.SocialLinks[1].Url"] = "";

            var response = await admin.SubmitFormAsync(Page, Page, form);

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var site = await QuerySiteAsync();
            Assert.Equal("Mornings from the Caspian shore", site.GetProperty("tagline").GetString());
            Assert.Equal("Line one\nLine two", site.GetProperty("footerText").GetString());
            Assert.Equal(
                [("Mastodon", "https://social.example/@daily"), ("Telegram", before.SocialLinks[2].Url), ("YouTube", before.SocialLinks[3].Url)],
                site.GetProperty("socialLinks").EnumerateArray().Select(l => (l.GetProperty("name").GetString(), l.GetProperty("url").GetString())));
        }
        finally
        {
            await host.InScopeAsync(async services => { await services.GetRequiredService<ISiteSettingsService>().SaveAsync(before); return 0; });
        }
    }

    [Theory]
    [InlineData("Input.SocialLinks[0].Url", "javascript:alert(1)", "Social link 1, address")]
    [InlineData("Input.SocialLinks[1].Url", "ftp://files.example/x", "Social link 2, address")]
    [InlineData("Input.CookieNoticeLinks[0].Url", "//evil.example/privacy", "Cookie notice link 1, address")]
    [InlineData("Input.Tagline", "<script>alert(1)</script>", "Tagline")]
    [InlineData("Input.Logo", "../../etc/passwd", "Logo")]
    [InlineData("Input.SiteName", "", "Site name")]
    [InlineData("Input.TimeZone", "Mars/Olympus", "Time zone")]
    public async Task Bad_input_is_refused_with_the_field_named_and_nothing_is_saved(string field, string value, string label)
    {
        var before = await SettingsAsync();
        var admin = await host.SignInSessionAsync(CmsWebApplicationFactory.AdminUserName, CmsWebApplicationFactory.AdminPassword);
        var form = Form(before);
        form[field] = value;
        form["Input.FooterText"] = "This change must not be saved either.";

        var response = await admin.SubmitFormAsync(Page, Page, form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Nothing was saved", html, StringComparison.Ordinal);
        Assert.Contains(label + ":", html, StringComparison.Ordinal);
        Assert.Equal(JsonSerializer.Serialize(before), JsonSerializer.Serialize(await SettingsAsync()));
    }

    [Fact]
    public async Task A_text_over_its_limit_is_refused()
    {
        var before = await SettingsAsync();
        var admin = await host.SignInSessionAsync(CmsWebApplicationFactory.AdminUserName, CmsWebApplicationFactory.AdminPassword);
        var form = Form(before);
        form["Input.FooterText"] = new string('x', SiteSettingsRules.MaxFooterText + 1);

        var response = await admin.SubmitFormAsync(Page, Page, form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"must be at most {SiteSettingsRules.MaxFooterText} characters", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(JsonSerializer.Serialize(before), JsonSerializer.Serialize(await SettingsAsync()));
    }

    [Theory]
    [InlineData("Editor")]
    [InlineData("Contributor")]
    public async Task People_without_ManageSettings_can_neither_open_nor_post_the_page(string role)
    {
        var before = await SettingsAsync();
        var user = await host.CreateUserAsync(TestHost.Unique(role.ToLowerInvariant()), role);
        var session = await host.SignInSessionAsync(user.UserName);

        var page = await session.SendAsync(HttpMethod.Get, Page);
        var token = await session.ApiTokenAsync();
        var form = Form(before);
        form["Input.Tagline"] = "Taken over";
        form["__RequestVerificationToken"] = token;
        var post = await session.SendAsync(HttpMethod.Post, Page, form);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/admin/access-denied", page.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Contains("/admin/access-denied", post.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Equal(JsonSerializer.Serialize(before), JsonSerializer.Serialize(await SettingsAsync()));
        Assert.DoesNotContain("Site settings", await (await session.SendAsync(HttpMethod.Get, "/admin")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> QuerySiteAsync()
    {
        using var http = host.CreateClient();
        var response = await http.PostAsJsonAsync("/api/graphql", new { query = SiteQuery });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        Assert.False(body.TryGetProperty("errors", out _), body.ToString());
        return body.GetProperty("data").GetProperty("site");
    }

    private Task<SiteSettings> SettingsAsync() =>
        host.InScopeAsync(services => services.GetRequiredService<ISiteSettingsService>().GetAsync());

    /// <summary>The form as the page shows it for these settings.</summary>
    private static Dictionary<string, string> Form(SiteSettings settings)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Input.SiteName"] = settings.SiteName,
            ["Input.TimeZone"] = settings.TimeZone,
            ["Input.Tagline"] = settings.Tagline ?? "",
            ["Input.Logo"] = settings.Logo ?? "",
            ["Input.FooterText"] = settings.FooterText ?? "",
            ["Input.CookieNoticeText"] = settings.CookieNotice.Text ?? "",
        };
        for (var i = 0; i < settings.SocialLinks.Count; i++)
        {
            form[$"Input.SocialLinks[{i}].Text"] = settings.SocialLinks[i].Name;
            form[$"Input.SocialLinks[{i}].Url"] = settings.SocialLinks[i].Url;
        }

        for (var i = 0; i < settings.CookieNotice.Links.Count; i++)
        {
            form[$"Input.CookieNoticeLinks[{i}].Text"] = settings.CookieNotice.Links[i].Text;
            form[$"Input.CookieNoticeLinks[{i}].Url"] = settings.CookieNotice.Links[i].Url;
        }

        return form;
    }
}
