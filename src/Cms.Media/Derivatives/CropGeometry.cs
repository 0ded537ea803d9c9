using Cms.Core.Media;
using SixLabors.ImageSharp;

namespace Cms.Media.Derivatives;

/// <summary>Where a crop falls on an image, in pixels.</summary>
public static class CropGeometry
{
    /// <summary>
    /// The part of a <paramref name="imageWidth"/>×<paramref name="imageHeight"/> image that a
    /// <paramref name="targetWidth"/>×<paramref name="targetHeight"/> crop shows: inside <paramref name="crop"/> when
    /// given (else the whole image), the largest rectangle with the target's aspect ratio, centred as near to
    /// <paramref name="focal"/> as the bounds allow.
    /// </summary>
    public static Rectangle Region(int imageWidth, int imageHeight, int targetWidth, int targetHeight, CropRectangle? crop, FocalPoint focal)
    {
        var area = crop is null
            ? new RectangleF(0, 0, imageWidth, imageHeight)
            : new RectangleF((float)(crop.X * imageWidth), (float)(crop.Y * imageHeight), (float)(crop.Width * imageWidth), (float)(crop.Height * imageHeight));
        var aspect = (double)targetWidth / targetHeight;
        double width = area.Width, height = area.Height;
        if (width / height > aspect)
        {
            width = height * aspect;
        }
        else
        {
            height = width / aspect;
        }

        // With a crop rectangle its centre is the focal point; otherwise the image's focal point.
        var centreX = crop is null ? focal.X * imageWidth : area.X + (area.Width / 2);
        var centreY = crop is null ? focal.Y * imageHeight : area.Y + (area.Height / 2);
        // The area is in floats and the size in doubles: a crop reaching the image's edge can make the upper bound a
        // hair below the lower one, which Math.Clamp refuses, so the upper bound never goes below the lower.
        var left = Math.Clamp(centreX - (width / 2), area.X, Math.Max(area.X, area.Right - width));
        var top = Math.Clamp(centreY - (height / 2), area.Y, Math.Max(area.Y, area.Bottom - height));
        var x = (int)Math.Round(left);
        var y = (int)Math.Round(top);
        var w = Math.Max(1, Math.Min((int)Math.Round(width), imageWidth - x));
        var h = Math.Max(1, Math.Min((int)Math.Round(height), imageHeight - y));
        return new Rectangle(x, y, w, h);
    }
}
