using System.Globalization;
using System.Text;

namespace Cms.Core.Content;

/// <summary>Turns titles into URL slugs and checks paths.</summary>
public static class Slug
{
    public static string Slugify(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(normalized.Length);
        var dash = false;
        foreach (var c in normalized)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(lower);
                dash = false;
            }
            else if (Transliterate(lower) is { } replacement)
            {
                builder.Append(replacement);
                dash = false;
            }
            else if (!dash && builder.Length > 0)
            {
                builder.Append('-');
                dash = true;
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length > 120 ? slug[..120].TrimEnd('-') : slug;
    }

    /// <summary>Lower-cases and checks a path; null when it holds anything but [a-z0-9-/] segments.</summary>
    public static string? NormalizePath(string path)
    {
        var trimmed = path.Trim().Trim('/').ToLowerInvariant();
        if (trimmed.Length == 0)
        {
            return null;
        }

        foreach (var segment in trimmed.Split('/'))
        {
            if (segment.Length == 0 || segment.Any(c => !(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_')))
            {
                return null;
            }
        }

        return trimmed;
    }

    private static string? Transliterate(char c) => c switch
    {
        'ə' => "e",
        'ı' => "i",
        'ş' => "s",
        'ç' => "c",
        'ğ' => "g",
        'ö' => "o",
        'ü' => "u",
        'ß' => "ss",
        'ø' => "o",
        'æ' => "ae",
        'đ' => "d",
        'ł' => "l",
        _ => null,
    };
}
