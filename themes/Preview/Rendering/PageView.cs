namespace Cms.Preview.Rendering;

/// <summary>The layout's model: the site, the page title, the preview notice and the rendered page.</summary>
public sealed record PageView(string SiteName, string Title, string Notice, string Stylesheet, string Content);
