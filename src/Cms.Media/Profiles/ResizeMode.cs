namespace Cms.Media.Profiles;

/// <summary>Orchard Core's resize modes (query string <c>rmode</c>).</summary>
public enum ResizeMode
{
    /// <summary>Fit inside the box, keeping the aspect ratio, never larger than the original.</summary>
    Max,

    /// <summary>Fill the box exactly: the largest part of the image with the box's aspect ratio, around the focal point (or the given crop), scaled.</summary>
    Crop,

    /// <summary>Fit inside the box and fill the rest with white.</summary>
    Pad,

    /// <summary>Like <see cref="Pad"/>, but never scaled up.</summary>
    BoxPad,

    /// <summary>Scale so the smaller side matches, keeping the aspect ratio.</summary>
    Min,

    /// <summary>Scale to the box, changing the aspect ratio.</summary>
    Stretch,
}
