namespace Cms.Media.Imaging;

/// <summary>An accepted image format: its short name, MIME type and file extensions (the first is the one given to new files).</summary>
public sealed record MediaFormat(string Name, string MimeType, IReadOnlyList<string> Extensions)
{
    public static readonly MediaFormat Jpeg = new("jpeg", "image/jpeg", [".jpg", ".jpeg"]);
    public static readonly MediaFormat Png = new("png", "image/png", [".png"]);
    public static readonly MediaFormat Gif = new("gif", "image/gif", [".gif"]);
    public static readonly MediaFormat Webp = new("webp", "image/webp", [".webp"]);

    public static IReadOnlyList<MediaFormat> All { get; } = [Jpeg, Png, Gif, Webp];

    public string Extension => Extensions[0];

    public static MediaFormat? FromName(string? name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)
            || (name is "jpg" && f == Jpeg));

    public bool MatchesExtension(string path) =>
        Extensions.Contains(Path.GetExtension(path).ToLowerInvariant(), StringComparer.Ordinal);
}
