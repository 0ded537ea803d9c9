using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;

namespace Cms.Media.Imaging;

/// <summary>Metadata stripping and the encoders the library writes with.</summary>
public static class ImageWriter
{
    /// <summary>
    /// Removes what a photo tells about where and with what it was taken: EXIF (GPS, camera, the orientation once it
    /// is applied), IPTC, XMP, PNG text chunks and GIF comments, on the image and on every frame. The colour profile is
    /// kept, as it changes how the pixels look.
    /// </summary>
    public static void StripMetadata(Image image)
    {
        image.Metadata.ExifProfile = null;
        image.Metadata.IptcProfile = null;
        image.Metadata.XmpProfile = null;
        image.Metadata.GetPngMetadata().TextData.Clear();
        image.Metadata.GetGifMetadata().Comments.Clear();
        foreach (var frame in image.Frames)
        {
            frame.Metadata.ExifProfile = null;
            frame.Metadata.IptcProfile = null;
            frame.Metadata.XmpProfile = null;
        }
    }

    public static IImageEncoder EncoderFor(MediaFormat format, int? quality, Image? source = null)
    {
        if (format == MediaFormat.Png)
        {
            return new PngEncoder();
        }

        if (format == MediaFormat.Gif)
        {
            return new GifEncoder();
        }

        if (format == MediaFormat.Webp)
        {
            var lossless = source?.Metadata.GetWebpMetadata().FileFormat == WebpFileFormatType.Lossless;
            return new WebpEncoder { Quality = quality ?? 80, FileFormat = lossless ? WebpFileFormatType.Lossless : WebpFileFormatType.Lossy };
        }

        return new JpegEncoder { Quality = quality ?? 82 };
    }
}
