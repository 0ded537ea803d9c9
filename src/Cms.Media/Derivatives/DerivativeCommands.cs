using System.Globalization;
using Cms.Core.Media;
using Cms.Media.Profiles;

namespace Cms.Media.Derivatives;

/// <summary>
/// What a derivative URL asks for: a named profile or Orchard Core's query commands (<c>width</c>, <c>height</c>,
/// <c>rmode</c>, <c>rxy</c>, <c>format</c>, <c>quality</c>), plus our <c>crop</c> rectangle, the hash <c>v</c> and
/// the signature <c>token</c>. The raw values are what is signed, in <see cref="SignedKeys"/> order.
/// </summary>
public sealed record DerivativeCommands
{
    /// <summary>The keys covered by the signature, in the order they are signed and written.</summary>
    public static readonly IReadOnlyList<string> SignedKeys = ["profile", "width", "height", "rmode", "rxy", "crop", "format", "quality", "v"];

    public const int MaxSide = 4096;

    public string? Profile { get; init; }
    public int? Width { get; init; }
    public int? Height { get; init; }
    public ResizeMode? Mode { get; init; }
    public FocalPoint? Focal { get; init; }
    public CropRectangle? Crop { get; init; }

    /// <summary><c>jpeg</c>, <c>webp</c> or <c>png</c>; null when the browser's Accept header decides.</summary>
    public string? Format { get; init; }
    public int? Quality { get; init; }
    public string? Version { get; init; }

    /// <summary>The raw query values, as signed.</summary>
    public IReadOnlyDictionary<string, string> Raw { get; init; } = new Dictionary<string, string>();

    /// <summary>The text the HMAC covers: the path and each signed key present, in a fixed order.</summary>
    public static string SignedText(string path, IReadOnlyDictionary<string, string> raw)
    {
        var parts = new List<string>(SignedKeys.Count + 1) { path };
        foreach (var key in SignedKeys)
        {
            if (raw.TryGetValue(key, out var value))
            {
                parts.Add(key + "=" + value);
            }
        }

        return string.Join('\n', parts);
    }

    /// <summary>The text the version hash covers (everything signed but <c>v</c>), with the profile written out.</summary>
    public string RenderText(MediaProfile? profile) =>
        string.Join('|', SignedKeys.Where(k => k != "v" && Raw.ContainsKey(k)).Select(k => k + "=" + Raw[k]))
        + (profile is null ? "" : "|profile:" + profile.Fingerprint);

    public static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
