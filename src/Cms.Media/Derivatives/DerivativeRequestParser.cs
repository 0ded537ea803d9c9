using System.Globalization;
using Cms.Core.Fields;
using Cms.Core.Media;
using Cms.Media.Imaging;
using Cms.Media.Profiles;
using Microsoft.AspNetCore.Http;

namespace Cms.Media.Derivatives;

/// <summary>Reads and checks a derivative query string; every problem is a 400 naming the parameter.</summary>
public static class DerivativeRequestParser
{
    private static readonly HashSet<string> Known = [.. DerivativeCommands.SignedKeys, "token"];

    /// <summary>True when the query asks for a derivative (any command or a token), not for the original.</summary>
    public static bool AsksForDerivative(IQueryCollection query) =>
        query.Keys.Any(k => Known.Contains(k) && k != "v");

    public static (DerivativeCommands Commands, string? Token) Parse(IQueryCollection query)
    {
        var raw = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, values) in query)
        {
            if (!Known.Contains(key))
            {
                throw Bad($"'{key}' is not a media command; use profile, width, height, rmode, rxy, crop, format, quality, v and token.");
            }

            if (values.Count != 1 || string.IsNullOrEmpty(values[0]))
            {
                throw Bad($"'{key}' must be given once, with a value.");
            }

            raw[key] = values[0]!;
        }

        raw.Remove("token", out var token);
        var commands = new DerivativeCommands
        {
            Raw = raw,
            Profile = raw.GetValueOrDefault("profile") is { } profile
                ? MediaFieldKind.IsProfileName(profile) ? profile : throw Bad($"'{profile}' is not a profile name.")
                : null,
            Width = Side(raw, "width"),
            Height = Side(raw, "height"),
            Mode = raw.GetValueOrDefault("rmode") is { } mode
                ? Enum.TryParse<ResizeMode>(mode, ignoreCase: true, out var m) && !int.TryParse(mode, out _) ? m : throw Bad($"rmode '{mode}' is not one of max, crop, pad, boxpad, min, stretch.")
                : null,
            Focal = raw.GetValueOrDefault("rxy") is { } rxy ? Focal(rxy) : null,
            Crop = raw.GetValueOrDefault("crop") is { } crop ? Crop(crop) : null,
            Format = raw.GetValueOrDefault("format") is { } format
                ? MediaFormat.FromName(format) is { } f && f != MediaFormat.Gif ? f.Name : throw Bad($"format '{format}' is not one of jpg, webp, png.")
                : null,
            Quality = raw.GetValueOrDefault("quality") is { } quality
                ? int.TryParse(quality, NumberStyles.None, CultureInfo.InvariantCulture, out var q) && q is >= 1 and <= 100 ? q : throw Bad("quality must be a whole number from 1 to 100.")
                : null,
            Version = raw.GetValueOrDefault("v"),
        };

        if (commands.Profile is not null && (commands.Width is not null || commands.Height is not null || commands.Mode is not null))
        {
            throw Bad("A profile URL takes its size and mode from the profile: drop width, height and rmode.");
        }

        if (commands.Profile is null && commands.Width is null && commands.Height is null)
        {
            throw Bad("A derivative needs a profile, a width or a height.");
        }

        return (commands, token);
    }

    private static int? Side(Dictionary<string, string> raw, string key) =>
        raw.GetValueOrDefault(key) is { } text
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= DerivativeCommands.MaxSide
                ? value
                : throw Bad($"{key} must be a whole number from 1 to {DerivativeCommands.MaxSide}.")
            : null;

    private static FocalPoint Focal(string text)
    {
        var parts = text.Split(',');
        return parts.Length == 2 && TryNumber(parts[0], out var x) && TryNumber(parts[1], out var y) && FocalPoint.IsValid(x, y)
            ? new FocalPoint(x, y)
            : throw Bad("rxy must be 'x,y' with both between 0 and 1.");
    }

    private static CropRectangle Crop(string text)
    {
        var parts = text.Split(',');
        return parts.Length == 4 && TryNumber(parts[0], out var x) && TryNumber(parts[1], out var y) && TryNumber(parts[2], out var w) && TryNumber(parts[3], out var h)
            && CropRectangle.IsValid(x, y, w, h)
            ? new CropRectangle(x, y, w, h)
            : throw Bad("crop must be 'x,y,width,height', fractions of the image (0–1) that stay inside it.");
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    private static MediaRejectedException Bad(string message) => new(message);
}
