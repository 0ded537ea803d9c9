using System.Net;
using System.Text.RegularExpressions;

namespace Cms.Core.Content;

/// <summary>
/// Estimated reading time of an HTML body: words / words-per-minute, rounded up, at least one minute. One rule for
/// GraphQL's <c>readingMinutes</c> and the preview theme's byline.
/// </summary>
public static partial class ReadingTime
{
    public static int Minutes(string? html, int wordsPerMinute)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return 1;
        }

        // The text between tags, a run at a time: no copy of the body is made unless a run holds an entity.
        var words = 0;
        foreach (var range in Tags().EnumerateSplits(html))
        {
            var text = html.AsSpan(range);
            words += text.Contains('&') ? Words().Count(WebUtility.HtmlDecode(text.ToString())) : Words().Count(text);
        }

        return Math.Max(1, (int)Math.Ceiling(words / (double)Math.Max(1, wordsPerMinute)));
    }

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tags();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’\-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}
