using Cms.Preview.Tests.Support;

namespace Cms.Preview.Tests;

/// <summary>The preview layout shows the site's header and side menus from the Menu items, as readers see them.</summary>
public sealed class PreviewMenuTests(PreviewHost host) : IClassFixture<PreviewHost>
{
    [Fact]
    public async Task The_preview_shows_the_header_and_side_menus_of_the_recipe()
    {
        var editor = await host.SignInAsync("desk-editor");
        var html = await (await editor.GetAsync("/admin/content/article-001/preview")).Content.ReadAsStringAsync();

        var header = Tight(Between(html, "<nav class=\"site-menu\" aria-label=\"Main menu\">", "</nav>"));
        Assert.StartsWith(
            "<ul><li><a href=\"/\">Home</a></li><li><a href=\"/cop29\">COP29</a></li><li><a href=\"/opinion\">Opinion</a></li>"
            + "<li><a href=\"/news\">News</a><ul><li><a href=\"/news/economy\">Economy</a></li><li><a href=\"/news/energy\">Energy</a></li>"
            + "<li><a href=\"/news/climate-and-ecology\">Climate and Ecology</a></li></ul></li><li><a href=\"/culture\">Culture</a></li>",
            header);
        Assert.EndsWith("<li><a href=\"/karabakh\">Karabakh</a></li></ul>", header);
        var side = Tight(Between(html, "<nav aria-label=\"Side menu\">", "</nav>"));
        Assert.StartsWith("<ul><li><a href=\"/news\">News</a></li><li><a href=\"/news/economy\">Economy</a></li>", side);
        Assert.EndsWith("<li><a href=\"/who-we-are\">Who we are</a></li></ul>", side);
    }

    private static string Tight(string html) => System.Text.RegularExpressions.Regex.Replace(html.Trim(), ">\\s+<", "><");

    private static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"'{start}' is not on the page");
        from += start.Length;
        return html[from..html.IndexOf(end, from, StringComparison.Ordinal)];
    }
}
