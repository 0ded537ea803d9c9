using Cms.Core.Media;

namespace Cms.Media.Library;

/// <summary>Changes to a file's texts, focal point and default crops; a null member is left as it is.</summary>
public sealed record MediaUpdate
{
    public string? AltText { get; init; }
    public string? Caption { get; init; }
    public string? Credit { get; init; }
    public FocalPoint? FocalPoint { get; init; }

    /// <summary>The default crop per profile; a profile missing here goes back to the automatic crop.</summary>
    public IReadOnlyDictionary<string, CropRectangle>? Crops { get; init; }
}
