namespace Cms.Core.Media;

/// <summary>
/// What the content API needs from the media library: the crop profiles, the facts of files (size, hash, texts,
/// focal point, default crops) and signed derivative URLs. URLs are relative to the media root
/// (<c>covers/harbour.jpg?profile=card&amp;…</c>); the caller puts its public media URL in front.
/// </summary>
public interface IMediaDerivatives
{
    Task<IReadOnlyList<MediaProfileInfo>> GetProfilesAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyDictionary<string, MediaFileInfo>> DescribeAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken = default);

    /// <summary>The profile's derivative: the field's crop, else the file's default crop, else around the field's or the file's focal point.</summary>
    DerivativeImage Crop(MediaFileInfo file, MediaProfileInfo profile, CropRectangle? crop, FocalPoint? focal);

    /// <summary>The same crop at several widths (half, the profile's, double; never more than the source has), smallest first.</summary>
    IReadOnlyList<DerivativeImage> Srcset(MediaFileInfo file, MediaProfileInfo profile, CropRectangle? crop, FocalPoint? focal);
}
