using Cms.Core.Media;

namespace Cms.Media.Api;

/// <summary>The body of <c>PATCH /api/media/{id}</c>; members left out are not changed.</summary>
public sealed record MediaUpdateRequest(
    string? AltText,
    string? Caption,
    string? Credit,
    FocalPoint? FocalPoint,
    Dictionary<string, CropRectangle>? Crops);
