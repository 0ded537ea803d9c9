using System.Net;
using Amazon.S3;
using Cms.Media.Api;
using Cms.Media.Tests.Support;
using SixLabors.ImageSharp;

namespace Cms.Media.Tests;

/// <summary>
/// <c>Cms:Media:Store = S3</c> against a real S3-compatible server (s3rver over HTTP, not a mock of the client):
/// uploads land in the bucket, originals and crops are served from it, deletes remove the object.
/// </summary>
public sealed class S3StoreTests(S3MediaHost host) : IClassFixture<S3MediaHost>
{
    [SkippableFact]
    public async Task An_upload_is_stored_in_the_bucket_served_cropped_and_deleted_from_it()
    {
        host.S3.Require();
        var item = await host.UploadAsync(CraftedImages.Photo(800, 600), "Harbour at dawn.jpg", folder: "covers");
        var key = $"{S3MediaHost.Prefix}/{item.Path}";

        // The object is in the bucket, byte for byte what the library recorded; nothing was written to the local folder.
        byte[] stored;
        using (var inBucket = await host.S3.Client.GetObjectAsync(S3rverProcess.Bucket, key))
        using (var copy = new MemoryStream())
        {
            await inBucket.ResponseStream.CopyToAsync(copy);
            stored = copy.ToArray();
        }

        Assert.Equal(item.ByteSize, stored.Length);
        Assert.Equal(item.ContentHash, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stored)));
        Assert.False(File.Exists(host.MediaFile(item.Path)), "the upload was written to the local media folder");

        // The original through /media comes from the bucket.
        using (var original = await host.Http.GetAsync(item.Url))
        {
            Assert.Equal(HttpStatusCode.OK, original.StatusCode);
            Assert.Equal("image/jpeg", original.Content.Headers.ContentType?.MediaType);
            Assert.Equal("nosniff", original.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal(stored, await original.Content.ReadAsByteArrayAsync());
        }

        // A crop is rendered from the object in the bucket.
        var derivatives = await host.GetJsonAsync<List<ProfileDerivative>>($"/api/media/{item.Id}/derivatives");
        var card = Assert.Single(derivatives, d => d.Profile == "card");
        using (var crop = await host.Http.GetAsync(card.Url))
        {
            Assert.Equal(HttpStatusCode.OK, crop.StatusCode);
            using var image = Image.Load(await crop.Content.ReadAsByteArrayAsync());
            Assert.Equal((640, 360), (image.Width, image.Height));
        }

        using (var deleted = await host.SendAsync(HttpMethod.Delete, $"/api/media/{item.Id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        var gone = await Assert.ThrowsAsync<AmazonS3Exception>(() => host.S3.Client.GetObjectMetadataAsync(S3rverProcess.Bucket, key));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        using (var original = await host.Http.GetAsync(item.Url))
        {
            Assert.Equal(HttpStatusCode.NotFound, original.StatusCode);
        }

        // The crop this node had rendered is not served any more either: the derivative cache answers to the library.
        using (var crop = await host.Http.GetAsync(card.Url))
        {
            Assert.Equal(HttpStatusCode.NotFound, crop.StatusCode);
        }
    }

    [SkippableFact]
    public async Task A_refused_upload_leaves_nothing_in_the_bucket()
    {
        host.S3.Require();
        using var refused = await host.SendAsync(HttpMethod.Post, "/api/media", content: MediaHost.Upload("<html>not an image</html>"u8.ToArray(), "page.jpg", folder: "refused"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        var listing = await host.S3.Client.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = S3rverProcess.Bucket, Prefix = $"{S3MediaHost.Prefix}/refused/" });
        Assert.Empty(listing.S3Objects ?? []);
    }
}
