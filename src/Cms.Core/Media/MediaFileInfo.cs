namespace Cms.Core.Media;

/// <summary>The library's facts about one file.</summary>
public sealed record MediaFileInfo(
    string Path,
    int Width,
    int Height,
    string ContentHash,
    string? AltText,
    string? Caption,
    string? Credit,
    FocalPoint FocalPoint,
    IReadOnlyDictionary<string, CropRectangle> Crops);
