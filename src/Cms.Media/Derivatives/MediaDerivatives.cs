using Cms.Core.Media;
using Cms.Media.Library;
using Cms.Media.Profiles;
using Microsoft.Extensions.Options;

namespace Cms.Media.Derivatives;

/// <summary>The media library's answers to the content API (<see cref="IMediaDerivatives"/>), on the same services as the admin and <c>/api/media</c>.</summary>
public sealed class MediaDerivatives(MediaLibrary library, MediaProfileStore profiles, DerivativeUrls urls, IOptions<MediaOptions> options) : IMediaDerivatives
{
    private IReadOnlyDictionary<string, MediaProfile>? _profiles;

    public async Task<IReadOnlyList<MediaProfileInfo>> GetProfilesAsync(CancellationToken cancellationToken = default) =>
        [.. (await ProfilesAsync(cancellationToken)).Values.Select(p => new MediaProfileInfo(p.Name, p.Width, p.Height))];

    public async Task<IReadOnlyDictionary<string, MediaFileInfo>> DescribeAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken = default)
    {
        // Profiles are read once per request scope, with the files, so crop URLs need no further query.
        await ProfilesAsync(cancellationToken);
        var items = await library.GetByPathsAsync(paths, cancellationToken);
        return items.ToDictionary(
            p => p.Key,
            p => new MediaFileInfo(p.Value.Path, p.Value.Width, p.Value.Height, p.Value.ContentHash, p.Value.AltText, p.Value.Caption, p.Value.Credit, p.Value.FocalPoint, p.Value.Crops),
            StringComparer.Ordinal);
    }

    public DerivativeImage Crop(MediaFileInfo file, MediaProfileInfo profile, CropRectangle? crop, FocalPoint? focal)
    {
        var definition = Profile(profile);
        var url = urls.ForProfile(file.Path, file.ContentHash, definition, crop ?? file.Crops.GetValueOrDefault(profile.Name), focal ?? file.FocalPoint);
        return new DerivativeImage(Relative(url), definition.Width, definition.Height);
    }

    public IReadOnlyList<DerivativeImage> Srcset(MediaFileInfo file, MediaProfileInfo profile, CropRectangle? crop, FocalPoint? focal)
    {
        var definition = Profile(profile);
        var chosen = crop ?? file.Crops.GetValueOrDefault(profile.Name);
        var available = chosen is null ? file.Width : (int)Math.Round(chosen.Width * file.Width);
        var result = new List<DerivativeImage>();
        foreach (var factor in new[] { 0.5, 1, 2 })
        {
            var width = (int)Math.Round(definition.Width * factor);
            if (factor > 1 && width > available)
            {
                break;
            }

            var height = Math.Max(1, (int)Math.Round(width * (double)definition.Height / definition.Width));
            var url = urls.ForSize(file.Path, file.ContentHash, width, height, definition.Mode, chosen, focal ?? file.FocalPoint, definition.Format, definition.Quality);
            result.Add(new DerivativeImage(Relative(url), width, height));
        }

        return result;
    }

    private MediaProfile Profile(MediaProfileInfo profile) =>
        _profiles?.GetValueOrDefault(profile.Name) ?? throw new InvalidOperationException($"The media profile '{profile.Name}' was not loaded; call DescribeAsync first.");

    private async Task<IReadOnlyDictionary<string, MediaProfile>> ProfilesAsync(CancellationToken cancellationToken) =>
        _profiles ??= await profiles.GetAsync(cancellationToken);

    private string Relative(string url) => url[(options.Value.RequestPath.TrimEnd('/').Length + 1)..];
}
