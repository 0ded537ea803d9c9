using System.Net;
using System.Text.Json.Nodes;
using Cms.Preview.Tests.Support;

namespace Cms.Preview.Tests;

/// <summary>The preview layout shows the site as its settings describe it: name, tagline and footer text; and a desk byline.</summary>
public sealed class PreviewSiteSettingsTests(PreviewHost host) : IClassFixture<PreviewHost>
{
    [Fact]
    public async Task The_layout_shows_the_site_name_tagline_and_footer_from_the_settings()
    {
        var writer = await host.SignInAsync("writer-one");
        var response = await writer.PreviewAsync(Drafts.Article("Ferry timetable for the summer").ToJsonString());
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<p class=\"masthead-name\">Newsroom Daily</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"masthead-tagline\">Azerbaijan and the South Caucasus in English, every morning</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"site-footer-text\">Newsroom Daily is an independent English-language digest edited in Baku.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"site-footer-text\">Quoting is welcome", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_article_credited_to_the_desk_is_by_the_site()
    {
        var writer = await host.SignInAsync("writer-one");
        var draft = Drafts.Article("Night ferries resume");
        draft["Article"]!["Authors"] = new JsonObject { ["ContentItemIds"] = new JsonArray("author-desk") };

        var html = await (await writer.PreviewAsync(draft.ToJsonString())).Content.ReadAsStringAsync();

        Assert.Contains("By Newsroom Daily", html, StringComparison.Ordinal);
    }
}
