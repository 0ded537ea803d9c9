namespace Cms.Preview.Rendering;

/// <summary>The layout's model: the site, the page title, the preview notice and the rendered page.</summary>
public sealed record PageView(string SiteName, string Title, string Notice, string Stylesheet, string Content)
{
    /// <summary>The site's tagline from its settings, shown under the name.</summary>
    public string? Tagline { get; init; }

    /// <summary>The site's footer text from its settings, one entry per line.</summary>
    public IReadOnlyList<string> FooterLines { get; init; } = [];

    /// <summary>The site's header menu (empty when there is none).</summary>
    public MenuView HeaderMenu { get; init; } = new(PreviewMenus.Header, []);

    /// <summary>The site's side menu (empty when there is none).</summary>
    public MenuView SideMenu { get; init; } = new(PreviewMenus.Side, []);
}
