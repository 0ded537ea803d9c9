namespace Cms.Media.Storage;

/// <summary>Where the media library's originals live (<c>Cms:Media:Store</c>).</summary>
public enum MediaStoreKind
{
    /// <summary>A folder: <c>{DataDirectory}/Media</c>, or a shared volume mounted there.</summary>
    FileSystem,

    /// <summary>A bucket of any S3-compatible service (<c>Cms:Media:S3</c>).</summary>
    S3,
}
