using System.Net;
using System.Text;
using System.Text.Json;
using Cms.Media.Tests.Support;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Cms.Media.Tests;

public sealed class UploadTests(UploadTests.Host host) : IClassFixture<UploadTests.Host>
{
    [Fact]
    public async Task An_upload_is_stored_under_a_clean_name_with_its_record()
    {
        var item = await host.UploadAsync(CraftedImages.Photo(320, 200), "../../Évènement Photo (1).JPG", folder: "news/2026", altText: "A gradient", caption: "Caption");

        Assert.Equal("news/2026/evenement-photo-1.jpg", item.Path);
        Assert.Equal("news/2026", item.Folder);
        Assert.Equal("Évènement Photo (1).JPG", item.OriginalName);
        Assert.Equal(("jpeg", "image/jpeg", 320, 200), (item.Format, item.MimeType, item.Width, item.Height));
        Assert.Equal("A gradient", item.AltText);
        Assert.Equal("media-editor", item.CreatedBy);
        var stored = await File.ReadAllBytesAsync(host.MediaFile(item.Path));
        Assert.Equal(stored.Length, item.ByteSize);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stored)), item.ContentHash);
        using var original = await host.Http.GetAsync(item.Url);
        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
        Assert.Equal("image/jpeg", original.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_clean_jpeg_is_kept_byte_for_byte_and_one_with_extra_bytes_is_written_again()
    {
        var clean = CraftedImages.Photo(120, 80);
        var kept = await host.UploadAsync(clean, "clean.jpg", folder: "kept");
        Assert.Equal(clean, await File.ReadAllBytesAsync(host.MediaFile(kept.Path)));

        // The same picture with a comment segment and text after its end marker: rewritten without either.
        var comment = "<script>alert(1)</script>"u8.ToArray();
        var withComment = new byte[] { 0xFF, 0xD8, 0xFF, 0xFE, 0, (byte)(comment.Length + 2) }.Concat(comment).Concat(clean[2..]).ToArray();
        foreach (var (bytes, name) in new[] { (withComment, "comment.jpg"), (clean.Concat("<html>after the end</html>"u8.ToArray()).ToArray(), "trailing.jpg") })
        {
            var item = await host.UploadAsync(bytes, name, folder: "rewritten");
            var stored = await File.ReadAllBytesAsync(host.MediaFile(item.Path));
            Assert.NotEqual(bytes, stored);
            Assert.Equal(-1, stored.AsSpan().IndexOf("after the end"u8));
            Assert.Equal(-1, stored.AsSpan().IndexOf("script"u8));
            Assert.Equal((0xFF, 0xD9), (stored[^2], stored[^1]));
        }
    }

    [Fact]
    public async Task The_format_comes_from_the_content_not_the_name()
    {
        using var png = new Image<Rgba32>(30, 20, Color.Red);
        using var bytes = new MemoryStream();
        await png.SaveAsPngAsync(bytes);

        var item = await host.UploadAsync(bytes.ToArray(), "really-a-png.jpg");

        Assert.Equal("really-a-png.png", item.FileName);
        Assert.Equal("png", item.Format);
    }

    [Fact]
    public async Task A_second_file_with_the_same_name_gets_a_new_one()
    {
        var first = await host.UploadAsync(CraftedImages.Photo(20, 20), "same.jpg", folder: "dupes");
        var second = await host.UploadAsync(CraftedImages.Photo(20, 20), "same.jpg", folder: "dupes");

        Assert.Equal(("dupes/same.jpg", "dupes/same-2.jpg"), (first.Path, second.Path));
    }

    [Fact]
    public async Task The_exif_orientation_is_applied_and_the_metadata_stripped()
    {
        var item = await host.UploadAsync(CraftedImages.SidewaysPhotoWithGps(), "sideways.jpg");

        Assert.Equal((20, 40), (item.Width, item.Height));
        var stored = await File.ReadAllBytesAsync(host.MediaFile(item.Path));
        using var image = Image.Load<Rgb24>(stored);
        Assert.Equal((20, 40), (image.Width, image.Height));
        Assert.Null(image.Metadata.ExifProfile);
        Assert.DoesNotContain("Test Camera 3000", Encoding.ASCII.GetString(stored), StringComparison.Ordinal);
        // The blue band on the left of the sideways original is on top once turned upright.
        var top = image[10, 2];
        Assert.True(top.B > 150 && top.R < 100, $"top pixel {top}");
    }

    [Fact]
    public async Task A_polyglot_tail_never_reaches_the_library()
    {
        var item = await host.UploadAsync(CraftedImages.JpegWithHtmlTail(), "tail.jpg");

        var stored = await File.ReadAllBytesAsync(host.MediaFile(item.Path));
        Assert.DoesNotContain("<script", Encoding.ASCII.GetString(stored), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> Refused => new()
    {
        { nameof(CraftedImages.HtmlPage), "page.jpg", "not a JPEG, PNG, GIF or WebP image" },
        { nameof(CraftedImages.Svg), "drawing.svg", "not a JPEG, PNG, GIF or WebP image" },
        { nameof(CraftedImages.TruncatedJpeg), "cut.jpg", "truncated" },
        { nameof(CraftedImages.HugeDimensionsPng), "huge.png", "the limit is 50 megapixels" },
        { nameof(CraftedImages.GifHtmlPolyglot), "poly.gif", "GIF image is damaged" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_bad_file_gets_400_naming_the_problem_and_changes_nothing(string file, string name, string expected)
    {
        var bytes = (byte[])typeof(CraftedImages).GetMethod(file)!.Invoke(null, null)!;
        var before = await host.GetJsonAsync<Library.MediaPage>("/api/media?take=200");

        using var response = await host.SendAsync(HttpMethod.Post, "/api/media", content: MediaHost.Upload(bytes, name, folder: "refused"));

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before.TotalCount, (await host.GetJsonAsync<Library.MediaPage>("/api/media?take=200")).TotalCount);
        Assert.False(Directory.Exists(host.MediaFile("refused")));
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("a\\\\b")]
    [InlineData("c:/windows")]
    [InlineData("a/../../b")]
    [InlineData("Upper/Case")]
    [InlineData("dots.in.name")]
    public async Task A_folder_that_could_leave_the_library_is_refused(string folder)
    {
        using var response = await host.SendAsync(HttpMethod.Post, "/api/media", content: MediaHost.Upload(CraftedImages.Photo(10, 10), "x.jpg", folder: folder));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("is not valid", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_size_cap_gets_413_before_it_is_read()
    {
        var tracking = new CountingContent(MediaHost.Upload(CraftedImages.Photo(10, 10), "x.jpg"), declaredLength: 26L * 1024 * 1024);

        using var response = await host.SendAsync(HttpMethod.Post, "/api/media", content: tracking);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("upload limit of 25 MB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_streamed_body_over_the_size_cap_gets_413()
    {
        // No Content-Length: the cap is counted while the file part streams.
        var big = new byte[26 * 1024 * 1024];
        var form = MediaHost.Upload(big, "big.jpg");
        var chunked = new StreamContent(await form.ReadAsStreamAsync());
        chunked.Headers.ContentType = form.Headers.ContentType;
        using var request = await host.RequestAsync(HttpMethod.Post, "/api/media", content: chunked);
        request.Headers.TransferEncodingChunked = true;

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Uploads_need_a_media_permission()
    {
        using var anonymous = await host.Http.PostAsync("/api/media", MediaHost.Upload(CraftedImages.Photo(10, 10), "x.jpg"));
        using var contributor = await host.SendAsync(HttpMethod.Post, "/api/media", "no-media", MediaHost.Upload(CraftedImages.Photo(10, 10), "x.jpg"));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, contributor.StatusCode);
    }

    [Fact]
    public async Task An_upload_without_a_file_part_is_named()
    {
        var form = new MultipartFormDataContent { { new StringContent("x"), "folder" } };

        using var response = await host.SendAsync(HttpMethod.Post, "/api/media", content: form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no 'file' part", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public sealed class Host : MediaHost;

    /// <summary>Declares a Content-Length larger than the cap; the server must answer without reading the body.</summary>
    private sealed class CountingContent(HttpContent inner, long declaredLength) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await inner.CopyToAsync(stream);
            // Pad up to the declared length, as a client sending a huge file would.
            var remaining = declaredLength - (await inner.ReadAsByteArrayAsync()).Length;
            var zeros = new byte[81920];
            while (remaining > 0)
            {
                var n = (int)Math.Min(zeros.Length, remaining);
                await stream.WriteAsync(zeros.AsMemory(0, n));
                remaining -= n;
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = declaredLength;
            foreach (var header in inner.Headers)
            {
                if (header.Key != "Content-Length")
                {
                    Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            return true;
        }
    }
}
