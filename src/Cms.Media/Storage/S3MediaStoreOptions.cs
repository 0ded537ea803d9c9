namespace Cms.Media.Storage;

/// <summary>
/// The bucket of the S3 media store, from <c>Cms:Media:S3</c>. The keys come from configuration or the environment
/// (<c>Cms__Media__S3__SecretKey</c>) and are never logged; when both are left out the SDK's own chain is used (the
/// <c>AWS_*</c> environment variables, an instance or container role).
/// </summary>
public sealed class S3MediaStoreOptions
{
    /// <summary>The bucket holding the originals (it must exist).</summary>
    public string? Bucket { get; set; }

    /// <summary>The service's URL for any S3-compatible service (MinIO, Ceph, R2, …), e.g. <c>https://s3.example.net</c>.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The region (AWS: required when <see cref="ServiceUrl"/> is not set; others: usually <c>us-east-1</c>).</summary>
    public string? Region { get; set; }

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>
    /// Path-style addresses (<c>{ServiceUrl}/{Bucket}/{key}</c>) rather than virtual-host ones (<c>{Bucket}.{host}</c>).
    /// Unset: path style when <see cref="ServiceUrl"/> is set (what most S3-compatible services expect), else virtual host.
    /// </summary>
    public bool? ForcePathStyle { get; set; }

    /// <summary>A folder inside the bucket for the library's files (e.g. <c>newsroom/</c>); empty puts them at its root.</summary>
    public string Prefix { get; set; } = "";
}
