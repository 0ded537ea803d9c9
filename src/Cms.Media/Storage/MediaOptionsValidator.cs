using Microsoft.Extensions.Options;

namespace Cms.Media.Storage;

/// <summary>
/// The <c>Cms:Media</c> settings checked at start-up (and by the command-line commands): with the S3 store, a bucket,
/// an endpoint (a service URL or a region) and both keys or neither. One line per problem, never a key's value.
/// </summary>
public sealed class MediaOptionsValidator : IValidateOptions<MediaOptions>
{
    public ValidateOptionsResult Validate(string? name, MediaOptions options)
    {
        if (options.StoreKind is not { } kind)
        {
            return ValidateOptionsResult.Fail($"Cms:Media:Store is '{options.Store}', which is not a media store: use FileSystem (the default) or S3.");
        }

        if (kind != MediaStoreKind.S3)
        {
            return ValidateOptionsResult.Success;
        }

        var s3 = options.S3;
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(s3.Bucket))
        {
            failures.Add("Cms:Media:Store is S3 but Cms:Media:S3:Bucket is empty: set the name of the bucket that holds the media files.");
        }

        if (string.IsNullOrWhiteSpace(s3.ServiceUrl) && string.IsNullOrWhiteSpace(s3.Region))
        {
            failures.Add("Cms:Media:Store is S3 but neither Cms:Media:S3:ServiceUrl nor Cms:Media:S3:Region is set: set the service's URL (any S3-compatible service) or the AWS region.");
        }
        else if (!string.IsNullOrWhiteSpace(s3.ServiceUrl)
            && (!Uri.TryCreate(s3.ServiceUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add($"Cms:Media:S3:ServiceUrl is '{s3.ServiceUrl}', which is not an http or https URL: set the service's URL, e.g. https://s3.example.net.");
        }

        if (string.IsNullOrEmpty(s3.AccessKey) != string.IsNullOrEmpty(s3.SecretKey))
        {
            failures.Add("Cms:Media:S3:AccessKey and Cms:Media:S3:SecretKey go together: set both, or neither to use the AWS_* environment variables or the machine's role.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
