namespace Cms.Core.Media;

/// <summary>The point of an image that crops keep in view, as fractions (0–1) from the left and the top.</summary>
public sealed record FocalPoint(double X, double Y)
{
    public static readonly FocalPoint Centre = new(0.5, 0.5);

    public static bool IsValid(double x, double y) => double.IsFinite(x) && double.IsFinite(y) && x is >= 0 and <= 1 && y is >= 0 and <= 1;

    public bool IsValid() => IsValid(X, Y);
}
