using System.Net;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Cms.Core.Fields;
using Cms.Core.Media;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Options;

namespace Cms.Media.Storage;

/// <summary>
/// Media files as objects of one bucket of an S3-compatible service (<c>Cms:Media:S3</c>), keyed by
/// <c>{Prefix}{path}</c>, so every node sees the same files. Checksums are sent only where the service requires them
/// and bodies are sent whole (not <c>aws-chunked</c>), which every S3-compatible service understands.
/// </summary>
public sealed class S3MediaStore : IMediaFileStore, IDisposable
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private readonly AmazonS3Client _client;
    private readonly string _bucket;
    private readonly string _prefix;
    private readonly string _temporaryFolder;

    public S3MediaStore(IOptions<MediaOptions> options)
    {
        var settings = options.Value.S3;
        _bucket = settings.Bucket ?? throw new InvalidOperationException("Cms:Media:S3:Bucket is not set.");
        _prefix = settings.Prefix.Trim('/') is { Length: > 0 } prefix ? prefix + "/" : "";
        _temporaryFolder = options.Value.TempPath;
        var config = new AmazonS3Config
        {
            ForcePathStyle = settings.ForcePathStyle ?? !string.IsNullOrWhiteSpace(settings.ServiceUrl),
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (!string.IsNullOrWhiteSpace(settings.ServiceUrl))
        {
            config.ServiceURL = settings.ServiceUrl;
            config.AuthenticationRegion = string.IsNullOrWhiteSpace(settings.Region) ? "us-east-1" : settings.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(settings.Region);
        }

        _client = string.IsNullOrEmpty(settings.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(settings.AccessKey, settings.SecretKey), config);
    }

    public async Task<bool> ExistsAsync(string path, CancellationToken cancellationToken = default)
    {
        try
        {
            await _client.GetObjectMetadataAsync(_bucket, Key(path), cancellationToken);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async Task SaveAsync(string path, Stream content, CancellationToken cancellationToken = default)
    {
        var key = Key(path);
        // The signature covers the body, so it must be read twice: a stream that cannot seek waits in a temporary file.
        Stream? buffered = null;
        try
        {
            var body = content;
            if (!content.CanSeek)
            {
                Directory.CreateDirectory(_temporaryFolder);
                buffered = new FileStream(Path.Combine(_temporaryFolder, Guid.NewGuid().ToString("N") + ".s3"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
                await content.CopyToAsync(buffered, cancellationToken);
                buffered.Position = 0;
                body = buffered;
            }

            await _client.PutObjectAsync(new PutObjectRequest
            {
                BucketName = _bucket,
                Key = key,
                InputStream = body,
                AutoCloseStream = false,
                UseChunkEncoding = false,
                ContentType = ContentTypes.TryGetContentType(path, out var type) ? type : "application/octet-stream",
            }, cancellationToken);
        }
        finally
        {
            if (buffered is not null)
            {
                await buffered.DisposeAsync();
            }
        }
    }

    public async Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        GetObjectResponse response;
        try
        {
            response = await _client.GetObjectAsync(_bucket, Key(path), cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        return new S3ObjectStream(response);
    }

    public async Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!await ExistsAsync(path, cancellationToken))
        {
            return false;
        }

        await _client.DeleteObjectAsync(_bucket, Key(path), cancellationToken);
        return true;
    }

    public void Dispose() => _client.Dispose();

    private string Key(string path) => MediaFieldKind.IsSafeMediaPath(path)
        ? _prefix + path
        : throw new ArgumentException($"'{path}' is not a valid media path.", nameof(path));
}
