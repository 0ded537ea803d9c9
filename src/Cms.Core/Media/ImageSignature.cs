namespace Cms.Core.Media;

/// <summary>Recognises image files by their first bytes, not by their names.</summary>
public static class ImageSignature
{
    /// <summary>The file's real format (<c>jpeg</c>, <c>png</c>, <c>gif</c>, <c>webp</c>), or null when it is not one of those.</summary>
    public static string? Detect(ReadOnlySpan<byte> header)
    {
        if (header.Length >= 3 && header[0] == 0xFF && header[1] == 0xD8 && header[2] == 0xFF)
        {
            return "jpeg";
        }

        if (header.Length >= 8 && header[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return "png";
        }

        if (header.Length >= 6 && header[0] == 'G' && header[1] == 'I' && header[2] == 'F' && header[3] == '8')
        {
            return "gif";
        }

        if (header.Length >= 12 && header[0] == 'R' && header[1] == 'I' && header[2] == 'F' && header[3] == 'F'
            && header[8] == 'W' && header[9] == 'E' && header[10] == 'B' && header[11] == 'P')
        {
            return "webp";
        }

        return null;
    }

    public static bool ExtensionMatches(string path, string format)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return format switch
        {
            "jpeg" => extension is ".jpg" or ".jpeg",
            "png" => extension == ".png",
            "gif" => extension == ".gif",
            "webp" => extension == ".webp",
            _ => false,
        };
    }
}
