namespace Cms.Media.Profiles;

/// <summary>
/// A named derivative shape, Orchard Core's media profile: a box, how the image fits it (<see cref="ResizeMode"/>),
/// an output format (null: WebP or JPEG from the browser's Accept header) and a quality (null: the encoder's default).
/// </summary>
public sealed record MediaProfile(string Name, int Width, int Height, ResizeMode Mode, string? Format, int? Quality, string? Hint)
{
    /// <summary>What the profile renders, written into the hash of its URLs: a changed profile makes new URLs.</summary>
    public string Fingerprint => $"{Width}x{Height}|{Mode}|{Format}|{Quality}";

    /// <summary>The GraphQL enum value: <c>card</c> → <c>CARD</c>, <c>top-story</c> → <c>TOP_STORY</c>.</summary>
    public string EnumName => Name.ToUpperInvariant().Replace('-', '_');
}
