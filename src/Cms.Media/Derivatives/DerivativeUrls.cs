using Cms.Core.Media;
using Cms.Media.Profiles;
using Microsoft.Extensions.Options;

namespace Cms.Media.Derivatives;

/// <summary>
/// Makes signed derivative URLs: for a profile (<c>?profile=card&amp;crop=…&amp;v=…&amp;token=…</c>) or an explicit
/// size in Orchard Core's query string. Crop and focal point are written into the URL and <c>v</c> hashes them with
/// the file, so a changed crop is a new URL while the old one keeps serving the old crop.
/// </summary>
public sealed class DerivativeUrls(MediaSigner signer, IOptions<MediaOptions> options)
{
    /// <summary>
    /// A profile derivative of a file: the crop given (per field), else the file's default crop for the profile, else
    /// the focal point given, else the file's focal point. <paramref name="format"/> overrides the profile's format.
    /// </summary>
    public string ForProfile(string path, string contentHash, MediaProfile profile, CropRectangle? crop, FocalPoint? focal, string? format = null)
    {
        var raw = new Dictionary<string, string>(StringComparer.Ordinal) { ["profile"] = profile.Name };
        Place(raw, profile.Mode, crop, focal);
        if ((format ?? profile.Format) is { } f)
        {
            raw["format"] = f;
        }

        return Build(path, contentHash, raw, profile);
    }

    /// <summary>An explicit size (Orchard Core's <c>width</c>, <c>height</c>, <c>rmode</c>, <c>rxy</c>, <c>format</c>, <c>quality</c>).</summary>
    public string ForSize(string path, string contentHash, int? width, int? height, ResizeMode mode, CropRectangle? crop, FocalPoint? focal, string? format = null, int? quality = null)
    {
        var raw = new Dictionary<string, string>(StringComparer.Ordinal);
        if (width is { } w)
        {
            raw["width"] = w.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (height is { } h)
        {
            raw["height"] = h.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        raw["rmode"] = mode.ToString().ToLowerInvariant();
        Place(raw, mode, crop, focal);
        if (format is not null)
        {
            raw["format"] = format;
        }

        if (quality is { } q)
        {
            raw["quality"] = q.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Build(path, contentHash, raw, null);
    }

    private static void Place(Dictionary<string, string> raw, ResizeMode mode, CropRectangle? crop, FocalPoint? focal)
    {
        if (crop is not null)
        {
            raw["crop"] = string.Join(',', DerivativeCommands.Number(crop.X), DerivativeCommands.Number(crop.Y), DerivativeCommands.Number(crop.Width), DerivativeCommands.Number(crop.Height));
        }
        else if (mode == ResizeMode.Crop && focal is not null)
        {
            raw["rxy"] = DerivativeCommands.Number(focal.X) + "," + DerivativeCommands.Number(focal.Y);
        }
    }

    private string Build(string path, string contentHash, Dictionary<string, string> raw, MediaProfile? profile)
    {
        raw["v"] = MediaSigner.Version(contentHash, new DerivativeCommands { Raw = raw }.RenderText(profile));
        var token = signer.Sign(path, raw);
        var query = DerivativeCommands.SignedKeys.Where(raw.ContainsKey).Select(k => k + "=" + Uri.EscapeDataString(raw[k]));
        return MediaUrls.Original(options.Value.RequestPath, path) + "?" + string.Join('&', query) + "&token=" + token;
    }
}
