namespace Cms.Data.Entities;

/// <summary>
/// A file of the media library (table <c>MediaItems</c>): where it is, what it really is (format and pixel size
/// from its content, the SHA-256 of the stored bytes), its texts, its focal point and default crops, and who
/// added it when. The file itself lives in the media store at <see cref="Path"/>.
/// </summary>
public sealed class MediaItemRecord
{
    public string Id { get; set; } = "";

    /// <summary>Library-relative path, e.g. <c>covers/harbour.jpg</c>; unique.</summary>
    public string Path { get; set; } = "";

    /// <summary>The folder part of <see cref="Path"/> (<c>covers</c>; empty at the root).</summary>
    public string Folder { get; set; } = "";

    public string FileName { get; set; } = "";

    /// <summary>The name the file had on the uploader's machine (shown, never used as a path).</summary>
    public string OriginalName { get; set; } = "";

    public string Format { get; set; } = "";
    public string MimeType { get; set; } = "";
    public long ByteSize { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }

    /// <summary>Lower-case hex SHA-256 of the stored bytes.</summary>
    public string ContentHash { get; set; } = "";

    public string? AltText { get; set; }
    public string? Caption { get; set; }
    public string? Credit { get; set; }

    /// <summary>Focal point, 0–1 from the left and the top; the centre when null.</summary>
    public double? FocalX { get; set; }
    public double? FocalY { get; set; }

    /// <summary>Default crop rectangle per profile, as JSON <c>{ "card": { "X":…, "Y":…, "Width":…, "Height":… } }</c> (fractions).</summary>
    public string? Crops { get; set; }

    public DateTime CreatedUtc { get; set; }
    public string CreatedBy { get; set; } = "";

    /// <summary>The user or client id of the uploader (<c>ManageOwnMedia</c> lets them change and delete their own files); null for recipes and backfill.</summary>
    public string? CreatedById { get; set; }
    public DateTime ModifiedUtc { get; set; }
}
