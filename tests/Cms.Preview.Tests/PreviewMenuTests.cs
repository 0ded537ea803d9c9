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

        var header = Between(html, "<nav class=\"site-menu\" aria-label=\"Sections\">", "</nav>");
        Assert.Matches(
            "<li><a href=\"/\">Home</a>\\s*</li>\\s*<li><a href=\"/cop29\">COP29</a>\\s*</li>\\s*<li><a href=\"/opinion\">Opinion</a>\\s*</li>\\s*"
            + "<li><a href=\"/news\">News</a><ul>\\s*<li><a href=\"/news/economy\">Economy</a>\\s*</li>\\s*<li><a href=\"/news/energy\">Energy</a>\\s*</li>\\s*"
            + "<li><a href=\"/news/climate-and-ecology\">Climate and Ecology</a>\\s*</li>\\s*</ul>",
            header);
        Assert.EndsWith("<li><a href=\"/karabakh\">Karabakh</a>\n    </li>\n</ul>", header.TrimEnd());
        var side = Between(html, "<nav aria-label=\"Side menu\">", "</nav>");
        Assert.StartsWith("<ul>\n    <li><a href=\"/news\">News</a>", side.Trim());
        Assert.Contains("<li><a href=\"/who-we-are\">Who we are</a>", side);
    }

    private static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"'{start}' is not on the page");
        from += start.Length;
        return html[from..html.IndexOf(end, from, StringComparison.Ordinal)];
    }
}
