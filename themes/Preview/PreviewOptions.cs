namespace Cms.Preview;

/// <summary>Settings of the preview theme and its share links (<c>Cms:Preview</c>).</summary>
public sealed class PreviewOptions
{
    public const string Section = "Cms:Preview";

    /// <summary>How long a share link works (default 48 hours).</summary>
    public TimeSpan ShareLinkLifetime { get; set; } = TimeSpan.FromHours(48);

    /// <summary>Share-link page views allowed per client address and minute.</summary>
    public int SharePermitsPerMinute { get; set; } = 60;

    /// <summary>Items in the "you might also like" strip.</summary>
    public int RelatedCount { get; set; } = 4;

    /// <summary>Items in the "new articles" rail.</summary>
    public int NewestCount { get; set; } = 5;
}
