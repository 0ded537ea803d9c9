namespace Cms.Preview.Rendering;

/// <summary>Everything the article template shows, regions in page order.</summary>
public sealed record ArticleView
{
    /// <summary>The section and its parents, outermost first.</summary>
    public IReadOnlyList<string> Breadcrumb { get; init; } = [];
    public string Headline { get; init; } = "";
    public string? Lead { get; init; }

    /// <summary>The article's authors; empty when the byline is the site itself.</summary>
    public IReadOnlyList<AuthorView> Authors { get; init; } = [];

    /// <summary>"A, B and C", or the site's name when the article has no authors.</summary>
    public string Byline { get; init; } = "";
    public string? Date { get; init; }
    public string? DateIso { get; init; }
    public int ReadingMinutes { get; init; }
    public ImageView? Cover { get; init; }

    /// <summary>The body as stored: sanitized HTML.</summary>
    public string Body { get; init; } = "";
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<TeaserView> Related { get; init; } = [];
    public IReadOnlyList<TeaserView> Newest { get; init; } = [];
}
