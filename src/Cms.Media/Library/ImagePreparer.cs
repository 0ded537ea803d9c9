using System.Security.Cryptography;
using Cms.Media.Imaging;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Processing;

namespace Cms.Media.Library;

/// <summary>
/// Turns an incoming file (upload or recipe) into what the library stores: it goes through the <see cref="ImageGate"/>,
/// is turned upright from its EXIF orientation, loses its metadata and is written again in its own format, so a
/// polyglot's extra bytes and a photo's GPS position never reach the library. A JPEG that is already clean (only its
/// JFIF header, tables and scans, nothing after its end: see <see cref="JpegStructure"/>) is kept byte for byte instead:
/// encoding it again would only lose quality, and a file exported and imported again keeps its hash (and so its
/// derivative URLs).
/// </summary>
public sealed class ImagePreparer(ImageGate gate, IOptions<MediaOptions> options)
{
    public Task<PreparedImage> PrepareAsync(Stream source, CancellationToken cancellationToken = default) =>
        gate.DecodeAsync(source, async (image, header, token) =>
        {
            image.Mutate(x => x.AutoOrient());
            ImageWriter.StripMetadata(image);
            var folder = options.Value.TempPath;
            Directory.CreateDirectory(folder);
            var temporary = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                await using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                {
                    if (await CleanJpegAsync(source, header, token) is { } clean)
                    {
                        await output.WriteAsync(clean, token);
                    }
                    else
                    {
                        await image.SaveAsync(output, ImageWriter.EncoderFor(header.Format, header.Format == MediaFormat.Jpeg ? options.Value.UploadJpegQuality : null, image), token);
                    }
                }

                string hash;
                long size;
                await using (var written = File.OpenRead(temporary))
                {
                    size = written.Length;
                    hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(written, token));
                }

                return new PreparedImage(temporary, header.Format, image.Width, image.Height, size, hash);
            }
            catch
            {
                File.Delete(temporary);
                throw;
            }
        }, cancellationToken);

    /// <summary>The source's bytes when it is a clean JPEG (the gate has decoded it whole already), else null.</summary>
    private static async Task<byte[]?> CleanJpegAsync(Stream source, ImageHeader header, CancellationToken cancellationToken)
    {
        if (header.Format != MediaFormat.Jpeg || !source.CanSeek || source.Length > int.MaxValue)
        {
            return null;
        }

        source.Position = 0;
        var bytes = new byte[source.Length];
        await source.ReadExactlyAsync(bytes, cancellationToken);
        return JpegStructure.IsClean(bytes) ? bytes : null;
    }
}
