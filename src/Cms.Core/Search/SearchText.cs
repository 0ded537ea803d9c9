using System.Globalization;
using System.Text;
using Cms.Core.Content;

namespace Cms.Core.Search;

/// <summary>
/// What a person typed into a search box, as plain words. The text is bounded (<see cref="MaxLength"/> characters,
/// <see cref="MaxTerms"/> words) and split into runs of letters and digits; everything else (quotes, <c>*</c>, <c>-</c>,
/// <c>:</c>, parentheses, <c>^</c>) separates words and means nothing, and words such as <c>OR</c>, <c>AND</c>,
/// <c>NOT</c> or <c>NEAR</c> are words like any other. No full-text syntax of either database ever comes from the
/// caller: the store quotes each word. Every word must occur (after stemming) for an item to match, except the most
/// common English words (<c>the</c>, <c>of</c>, <c>or</c>, ...), which are left out unless the text has nothing else, so
/// "climate of the Caspian" and "sturgeon OR caviar" mean the same on SQLite as on PostgreSQL (whose english
/// configuration drops them).
/// </summary>
public sealed record SearchText
{
    public const int MaxLength = 200;
    public const int MaxTerms = 8;
    public const int MaxTermLength = 64;

    private static readonly HashSet<string> CommonWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "he", "her", "his", "i", "if", "in",
        "into", "is", "it", "its", "no", "not", "of", "on", "or", "our", "she", "so", "than", "that", "the", "their", "them", "then",
        "there", "these", "they", "this", "to", "was", "we", "were", "what", "when", "which", "who", "will", "with", "you",
    };

    private SearchText(IReadOnlyList<string> terms) => Terms = terms;

    /// <summary>The words, lower case, each once, in the order typed.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>Reads <paramref name="text"/>; a text that is too long, has too many words or none is refused with a message saying so.</summary>
    public static SearchText Parse(string? text, string path = "$.text")
    {
        if (text is null || text.Length == 0)
        {
            throw new ContentValidationException(path, "give at least one word to search for.");
        }

        if (text.Length > MaxLength)
        {
            throw new ContentValidationException(path, $"is {text.Length.ToString("N0", CultureInfo.InvariantCulture)} characters long; a search takes at most {MaxLength} characters.");
        }

        var terms = new List<string>();
        var word = new StringBuilder();
        foreach (var rune in (text + " ").EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                word.Append(rune.ToString());
                continue;
            }

            if (word.Length > 0)
            {
                var term = word.ToString().ToLowerInvariant();
                word.Clear();
                if (term.Length > MaxTermLength)
                {
                    throw new ContentValidationException(path, $"a word is at most {MaxTermLength} characters long.");
                }

                if (!terms.Contains(term, StringComparer.Ordinal))
                {
                    terms.Add(term);
                }
            }
        }

        if (terms.Count == 0)
        {
            throw new ContentValidationException(path, "give at least one word (letters or digits) to search for.");
        }

        if (terms.Any(t => !CommonWords.Contains(t)))
        {
            terms.RemoveAll(CommonWords.Contains);
        }

        if (terms.Count > MaxTerms)
        {
            throw new ContentValidationException(path, $"has {terms.Count} words; a search takes at most {MaxTerms}.");
        }

        return new SearchText(terms);
    }
}
