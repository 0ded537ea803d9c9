using Cms.Core.Media;

namespace Cms.Media.Library;

/// <summary>A file of the media library as the API and the admin show it.</summary>
public sealed record MediaItem(
    string Id,
    string Path,
    string Url,
    string Folder,
    string FileName,
    string OriginalName,
    string Format,
    string MimeType,
    long ByteSize,
    int Width,
    int Height,
    string ContentHash,
    string? AltText,
    string? Caption,
    string? Credit,
    FocalPoint FocalPoint,
    IReadOnlyDictionary<string, CropRectangle> Crops,
    DateTime CreatedUtc,
    string CreatedBy,
    DateTime ModifiedUtc);
