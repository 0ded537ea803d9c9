using System.Net;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Cms.Core.Content;

/// <summary>
/// Estimated reading time of an HTML body: words / words-per-minute, rounded up, at least one minute. One rule for
/// GraphQL's <c>readingMinutes</c> and the preview theme's byline.
/// </summary>
public static partial class ReadingTime
{
    /// <summary>
    /// Word counts by body. A published version's content is shared between requests (the same string each time), so
    /// its words are counted once rather than for every list that shows it; an entry goes with its string.
    /// </summary>
    private static readonly ConditionalWeakTable<string, StrongBox<int>> Counted = [];

    public static int Minutes(string? html, int wordsPerMinute)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return 1;
        }

        var words = Counted.GetValue(html, static body => new StrongBox<int>(CountWords(body))).Value;
        return Math.Max(1, (int)Math.Ceiling(words / (double)Math.Max(1, wordsPerMinute)));
    }

    private static int CountWords(string html)
    {
        // The text between tags, a run at a time: no copy of the body is made unless a run holds an entity.
        var words = 0;
        foreach (var range in Tags().EnumerateSplits(html))
        {
            var text = html.AsSpan(range);
            words += text.Contains('&') ? Words().Count(WebUtility.HtmlDecode(text.ToString())) : Words().Count(text);
        }

        return words;
    }

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tags();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’\-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}
