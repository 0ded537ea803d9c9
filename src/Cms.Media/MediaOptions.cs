namespace Cms.Media;

/// <summary>
/// The media library's settings, from <c>Cms:Media</c>. The paths are set from <c>Cms:DataDirectory</c>; the
/// limits guard every decode (uploads, recipes, derivatives) in <see cref="Imaging.ImageGate"/>.
/// </summary>
public sealed class MediaOptions
{
    /// <summary>The folder holding the media library (<c>{Cms:DataDirectory}/Media</c>).</summary>
    public string RootPath { get; set; } = "";

    /// <summary>Where rendered derivatives are kept (<c>{Cms:DataDirectory}/cache/media</c>).</summary>
    public string CachePath { get; set; } = "";

    /// <summary>Where the generated signing key is kept when <see cref="SigningKey"/> is not set (<c>{Cms:DataDirectory}/keys</c>).</summary>
    public string KeysPath { get; set; } = "";

    /// <summary>Where uploads and prepared images wait before they enter the library (<c>{Cms:DataDirectory}/tmp/media</c>).</summary>
    public string TempPath { get; set; } = "";

    /// <summary>Where the originals live: <c>FileSystem</c> (<see cref="RootPath"/>; a shared volume works) or <c>S3</c>.</summary>
    public string Store { get; set; } = nameof(Storage.MediaStoreKind.FileSystem);

    /// <summary><see cref="Store"/> as a kind (case ignored); null when it names no store (the start-up check says so).</summary>
    public Storage.MediaStoreKind? StoreKind =>
        Enum.GetValues<Storage.MediaStoreKind>().Cast<Storage.MediaStoreKind?>()
            .FirstOrDefault(k => string.Equals(k.ToString(), Store?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The bucket when <see cref="Store"/> is <c>S3</c> (<c>Cms:Media:S3</c>).</summary>
    public Storage.S3MediaStoreOptions S3 { get; set; } = new();

    /// <summary>URL prefix of the media library.</summary>
    public string RequestPath { get; set; } = "/media";

    /// <summary>Largest upload, checked against Content-Length before the body is read and again while it streams (413).</summary>
    public long MaxUploadBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>Largest image in pixels (width × height), checked from the header before decoding.</summary>
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>Most frames an animated image may have.</summary>
    public int MaxFrames { get; set; } = 200;

    /// <summary>Most memory one decode (and the processing of that image) may allocate, in megabytes.</summary>
    public int MaxDecodeMegabytes { get; set; } = 640;

    /// <summary>Longest one decode and its processing may take.</summary>
    public TimeSpan DecodeTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Decodes running at once (0: one per core); the others wait their turn.</summary>
    public int MaxConcurrentDecodes { get; set; }

    /// <summary>Decodes that may wait for a slot; beyond it a request gets 503.</summary>
    public int MaxQueuedDecodes { get; set; } = 64;

    /// <summary>
    /// The HMAC key signing derivative URLs (base64 or text of at least 32 characters). When unset, a random key is
    /// generated once into the data directory's <c>keys</c> folder, so every process on that folder agrees.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>JPEG quality of stored uploads that had to be re-encoded.</summary>
    public int UploadJpegQuality { get; set; } = 92;
}
