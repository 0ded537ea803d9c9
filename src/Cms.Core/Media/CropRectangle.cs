namespace Cms.Core.Media;

/// <summary>A crop of an image as fractions of its width and height (0–1), from its top-left corner.</summary>
public sealed record CropRectangle(double X, double Y, double Width, double Height)
{
    /// <summary>True when the rectangle has an area and stays inside the image (with a little room for rounding).</summary>
    public static bool IsValid(double x, double y, double width, double height) =>
        double.IsFinite(x) && double.IsFinite(y) && double.IsFinite(width) && double.IsFinite(height)
        && x >= 0 && y >= 0 && width > 0 && height > 0 && x + width <= 1.000001 && y + height <= 1.000001;

    public bool IsValid() => IsValid(X, Y, Width, Height);
}
