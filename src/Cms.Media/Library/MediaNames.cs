using System.Text;
using Cms.Core.Fields;

namespace Cms.Media.Library;

/// <summary>
/// Folder and file names of the library. A folder is segments of lower-case letters, digits, '-' and '_'; a file
/// name is cleaned to the same alphabet (plus one dot before the extension), so no name can leave its folder.
/// </summary>
public static class MediaNames
{
    public const int MaxFolderLength = 200;
    public const int MaxBaseNameLength = 80;

    public static bool IsValidFolder(string folder) =>
        folder.Length == 0
        || (folder.Length <= MaxFolderLength && MediaFieldKind.IsSafeMediaPath(folder)
            && folder.Split('/').All(segment => segment.Length <= 64 && segment.All(IsNameChar)));

    /// <summary>
    /// The base of a stored file name: the last segment of <paramref name="originalName"/> (either slash), its
    /// extension dropped, lower-cased, other characters turned to '-', e.g. <c>"..\\My Photo (1).JPG"</c> → <c>my-photo-1</c>.
    /// </summary>
    public static string CleanBaseName(string originalName)
    {
        var name = originalName.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        if (dot > 0)
        {
            name = name[..dot];
        }

        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormKD).ToLowerInvariant())
        {
            if (IsNameChar(c))
            {
                builder.Append(c);
            }
            else if (char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var cleaned = builder.ToString().Trim('-', '_');
        if (cleaned.Length > MaxBaseNameLength)
        {
            cleaned = cleaned[..MaxBaseNameLength].TrimEnd('-', '_');
        }

        return cleaned.Length == 0 ? "image" : cleaned;
    }

    public static string Combine(string folder, string fileName) => folder.Length == 0 ? fileName : folder + "/" + fileName;

    public static string FolderOf(string path) => path.LastIndexOf('/') is var slash and > 0 ? path[..slash] : "";

    public static string FileNameOf(string path) => path[(path.LastIndexOf('/') + 1)..];

    private static bool IsNameChar(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_';
}
