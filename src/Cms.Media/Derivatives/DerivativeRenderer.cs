using Cms.Core.Media;
using Cms.Data;
using Cms.Media.Imaging;
using Cms.Media.Profiles;
using Cms.Media.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Processing;
using ImageSharpResizeMode = SixLabors.ImageSharp.Processing.ResizeMode;
using ResizeMode = Cms.Media.Profiles.ResizeMode;

namespace Cms.Media.Derivatives;

/// <summary>
/// Renders one derivative from the original: checks that the URL's version still matches the file (and profile),
/// then decodes through the <see cref="ImageGate"/> (bounded slots, memory and time), crops, resizes, strips
/// metadata and encodes. The original is never changed.
/// </summary>
public sealed class DerivativeRenderer(CmsDbContext db, IMediaFileStore files, MediaProfileStore profiles, ImageGate gate, IOptions<MediaOptions> options)
{
    /// <summary>
    /// Throws 404 unless the URL's version matches the library's record of the file (and its profile) now. Asked on
    /// every request, cached or not: the derivative cache is per node, so a file deleted or replaced through another
    /// node must stop being served here too.
    /// </summary>
    public async Task<MediaProfile?> EnsureCurrentAsync(string path, DerivativeCommands commands, CancellationToken cancellationToken)
    {
        var hash = await db.MediaItems.AsNoTracking().Where(m => m.Path == path).Select(m => m.ContentHash).FirstOrDefaultAsync(cancellationToken)
            ?? throw new MediaRejectedException($"There is no media file '{path}'.", 404);
        MediaProfile? profile = null;
        if (commands.Profile is { } name)
        {
            profile = await profiles.FindAsync(name, cancellationToken)
                ?? throw new MediaRejectedException($"There is no media profile '{name}'.", 404);
        }

        if (commands.Version != MediaSigner.Version(hash, commands.RenderText(profile)))
        {
            throw new MediaRejectedException("This derivative URL is out of date: the file or its profile changed since it was made. Ask for a new URL.", 404);
        }

        return profile;
    }

    public async Task RenderAsync(string path, DerivativeCommands commands, string outputFormat, string destination, CancellationToken cancellationToken)
    {
        var profile = await EnsureCurrentAsync(path, commands, cancellationToken);
        var width = profile?.Width ?? commands.Width;
        var height = profile?.Height ?? commands.Height;
        var mode = profile?.Mode ?? commands.Mode ?? ResizeMode.Max;
        var quality = commands.Quality ?? profile?.Quality;
        var format = MediaFormat.FromName(outputFormat) ?? MediaFormat.Jpeg;

        await using var source = await MediaStoreReads.OpenSeekableAsync(files, path, options.Value.TempPath, cancellationToken)
            ?? throw new MediaRejectedException($"The file of '{path}' is missing from the media store.", 404);
        await gate.DecodeAsync(source, async (image, _, token) =>
        {
            Transform(image, width, height, mode, commands.Crop, commands.Focal ?? FocalPoint.Centre);
            ImageWriter.StripMetadata(image);
            await using var output = new FileStream(destination, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await image.SaveAsync(output, ImageWriter.EncoderFor(format, quality), token);
            return true;
        }, cancellationToken);
    }

    /// <summary>The crop and resize of a derivative; public for tests that check pixels.</summary>
    public static void Transform(Image image, int? width, int? height, ResizeMode mode, CropRectangle? crop, FocalPoint focal)
    {
        if (mode == ResizeMode.Crop && width is { } w && height is { } h)
        {
            var region = CropGeometry.Region(image.Width, image.Height, w, h, crop, focal);
            image.Mutate(x => x.Crop(region).Resize(w, h));
            return;
        }

        if (crop is not null)
        {
            var region = CropGeometry.Region(image.Width, image.Height,
                Math.Max(1, (int)Math.Round(crop.Width * image.Width)), Math.Max(1, (int)Math.Round(crop.Height * image.Height)), crop, focal);
            image.Mutate(x => x.Crop(region));
        }

        if (mode is ResizeMode.Max or ResizeMode.Crop)
        {
            var scale = Math.Min(Math.Min((width ?? int.MaxValue) / (double)image.Width, (height ?? int.MaxValue) / (double)image.Height), 1);
            if (scale < 1)
            {
                image.Mutate(x => x.Resize(Math.Max(1, (int)Math.Round(image.Width * scale)), Math.Max(1, (int)Math.Round(image.Height * scale))));
            }

            return;
        }

        var size = new Size(width ?? 0, height ?? 0);
        image.Mutate(x => x.Resize(new ResizeOptions
        {
            Size = size,
            Mode = mode switch
            {
                ResizeMode.Pad => ImageSharpResizeMode.Pad,
                ResizeMode.BoxPad => ImageSharpResizeMode.BoxPad,
                ResizeMode.Min => ImageSharpResizeMode.Min,
                _ => ImageSharpResizeMode.Stretch,
            },
            PadColor = Color.White,
        }));
    }
}
