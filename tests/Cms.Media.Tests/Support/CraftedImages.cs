using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Cms.Media.Tests.Support;

/// <summary>
/// The crafted-file corpus, built by code so every byte is explained: each is a file an attacker (or a broken
/// camera) could send, and each must be refused in bounded time and memory. Also the good photos the tests use.
/// </summary>
public static class CraftedImages
{
    /// <summary>A real JPEG cut off in the middle of its pixel data (ImageSharp alone would decode it, grey at the bottom).</summary>
    public static byte[] TruncatedJpeg()
    {
        var whole = Photo(800, 600);
        return whole[..(whole.Length / 2)];
    }

    /// <summary>A PNG whose header claims 65,535×65,535 pixels (4.3 gigapixels), with a few bytes of pixel data.</summary>
    public static byte[] HugeDimensionsPng() => Png(65_535, 65_535, bitDepth: 8, colorType: 6, ZlibOf([0, 0, 0, 0, 0]));

    /// <summary>
    /// A decompression bomb: a 20,000×20,000 black PNG (1 bit per pixel, 50 MB of raw rows) whose compressed data is
    /// about 50 KB; decoded to RGBA it would take 1.6 GB.
    /// </summary>
    public static byte[] DecompressionBombPng(int side = 20_000)
    {
        using var raw = new MemoryStream();
        using (var zlib = new ZLibStream(raw, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[1 + ((side + 7) / 8)];
            for (var y = 0; y < side; y++)
            {
                zlib.Write(row);
            }
        }

        return Png(side, side, bitDepth: 1, colorType: 0, raw.ToArray());
    }

    /// <summary>A small GIF with thousands of frames (an animation bomb).</summary>
    public static byte[] ManyFramesGif(int frames = 3000)
    {
        using var image = new Image<Rgba32>(8, 8, Color.Red);
        for (var i = 1; i < frames; i++)
        {
            using var frame = new Image<Rgba32>(8, 8, i % 2 == 0 ? Color.Red : Color.Blue);
            image.Frames.AddFrame(frame.Frames.RootFrame);
        }

        using var output = new MemoryStream();
        image.Save(output, new GifEncoder());
        return output.ToArray();
    }

    /// <summary>A polyglot: a GIF header (what browsers and format sniffers look at) followed by an HTML page with a script.</summary>
    public static byte[] GifHtmlPolyglot()
    {
        var header = new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a', 1, 0, 1, 0, 0, 0, 0 };
        return [.. header, .. Encoding.ASCII.GetBytes("<html><body><script>alert(document.cookie)</script></body></html>")];
    }

    /// <summary>A valid JPEG with an HTML page appended after its end: it decodes, but the page must never be stored.</summary>
    public static byte[] JpegWithHtmlTail() =>
        [.. Photo(64, 48), .. Encoding.ASCII.GetBytes("<html><script>alert('stored xss')</script></html>")];

    /// <summary>An HTML page, to be sent with a .jpg name.</summary>
    public static byte[] HtmlPage() => Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>");

    /// <summary>An SVG with a script.</summary>
    public static byte[] Svg() => Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script><rect width=\"10\" height=\"10\"/></svg>");

    /// <summary>A plain photo-like JPEG (a gradient).</summary>
    public static byte[] Photo(int width, int height, int quality = 90)
    {
        using var image = new Image<Rgb24>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    row[x] = new Rgb24((byte)(x * 255 / width), (byte)(y * 255 / height), 128);
                }
            }
        });
        using var output = new MemoryStream();
        image.SaveAsJpeg(output, new SixLabors.ImageSharp.Formats.Jpeg.JpegEncoder { Quality = quality });
        return output.ToArray();
    }

    /// <summary>
    /// A grey 1200×800 JPEG with a green square at x 800–1000, y 100–300: a crop around the square must show green,
    /// an automatic centre crop must not.
    /// </summary>
    public static byte[] PhotoWithGreenSquare()
    {
        using var image = new Image<Rgb24>(1200, 800, new Rgb24(128, 128, 128));
        Fill(image, new Rgb24(0, 200, 0), new Rectangle(800, 100, 200, 200));
        using var output = new MemoryStream();
        image.SaveAsJpeg(output, new SixLabors.ImageSharp.Formats.Jpeg.JpegEncoder { Quality = 95 });
        return output.ToArray();
    }

    /// <summary>A 40×20 JPEG stored sideways: EXIF orientation 6 (turn 90° clockwise to view), plus a GPS position and a camera model.</summary>
    public static byte[] SidewaysPhotoWithGps()
    {
        using var image = new Image<Rgb24>(40, 20, new Rgb24(200, 30, 30));
        Fill(image, new Rgb24(0, 0, 255), new Rectangle(0, 0, 10, 20));
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Orientation, (ushort)6);
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(40, 1), new Rational(24, 1), new Rational(0, 1)]);
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.Model, "Test Camera 3000");
        image.Metadata.ExifProfile = exif;
        using var output = new MemoryStream();
        image.SaveAsJpeg(output);
        return output.ToArray();
    }

    private static void Fill(Image<Rgb24> image, Rgb24 colour, Rectangle area)
    {
        for (var y = area.Top; y < area.Bottom; y++)
        {
            for (var x = area.Left; x < area.Right; x++)
            {
                image[x, y] = colour;
            }
        }
    }

    private static byte[] Png(int width, int height, byte bitDepth, byte colorType, byte[] idat)
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = bitDepth;
        ihdr[9] = colorType;
        Chunk(output, "IHDR", ihdr);
        Chunk(output, "IDAT", idat);
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        Span<byte> sum = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(sum, Crc32([.. typeBytes, .. data]));
        output.Write(sum);
    }

    // PNG's CRC-32 (polynomial 0xEDB88320) over the chunk type and data.
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static byte[] ZlibOf(byte[] raw)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        return output.ToArray();
    }
}
