using System.Net;
using System.Text.RegularExpressions;

namespace Cms.GraphQL.Execution;

/// <summary>Estimated reading time of an HTML body: words / words-per-minute, rounded up, at least one minute.</summary>
internal static partial class ReadingTime
{
    public static int Minutes(string? html, int wordsPerMinute)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return 1;
        }

        var text = WebUtility.HtmlDecode(Tags().Replace(html, " "));
        var words = Words().Count(text);
        return Math.Max(1, (int)Math.Ceiling(words / (double)Math.Max(1, wordsPerMinute)));
    }

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tags();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’\-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}
