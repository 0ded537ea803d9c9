using System.Net;
using System.Net.Http.Headers;
using Cms.Media.Api;
using Cms.Media.Derivatives;
using Cms.Media.Library;
using Cms.Media.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Cms.Media.Tests;

public sealed class DerivativeTests : MediaHost
{
    [Fact]
    public async Task The_newsroom_profiles_come_from_the_recipe()
    {
        var item = await UploadAsync(CraftedImages.Photo(100, 100), "p.jpg");

        var derivatives = await GetJsonAsync<List<ProfileDerivative>>($"/api/media/{item.Id}/derivatives");

        Assert.Equal(
            ["card 640x360 Crop", "hero 1600x900 Crop", "rail 160x160 Crop", "social 1200x630 Crop"],
            derivatives.Select(d => $"{d.Profile} {d.Width}x{d.Height} {d.Mode}"));
    }

    [Fact]
    public async Task A_card_crop_shows_the_region_the_editor_chose()
    {
        var item = await UploadAsync(CraftedImages.PhotoWithGreenSquare(), "square.jpg");
        var automatic = await CardAsync(item);
        // A 16:9 rectangle around the green square (x 800–1000, y 100–300 of 1200×800).
        await PatchAsync(item.Id, new { crops = new Dictionary<string, object> { ["card"] = new { x = 700 / 1200.0, y = 87.5 / 800, width = 400 / 1200.0, height = 225 / 800.0 } } });
        var edited = await CardAsync(item);

        Assert.NotEqual(automatic.Url, edited.Url);
        using var before = await ImageAsync(automatic.Url);
        using var after = await ImageAsync(edited.Url);
        Assert.Equal((640, 360), (after.Width, after.Height));
        // Centre crop of the whole picture: grey in the middle. The chosen crop: green in the middle, grey at the left edge.
        Assert.True(IsGrey(before[320, 180]), $"automatic centre {before[320, 180]}");
        Assert.True(IsGreen(after[320, 180]), $"edited centre {after[320, 180]}");
        Assert.True(IsGrey(after[20, 180]), $"edited left edge {after[20, 180]}");
        // Changing the crop never changed the original.
        using var original = Image.Load<Rgb24>(await File.ReadAllBytesAsync(MediaFile(item.Path)));
        Assert.Equal((1200, 800), (original.Width, original.Height));
        // The old URL still serves the old crop.
        using var again = await ImageAsync(automatic.Url);
        Assert.True(IsGrey(again[320, 180]));
    }

    [Fact]
    public async Task The_focal_point_moves_an_automatic_crop()
    {
        var item = await UploadAsync(CraftedImages.PhotoWithGreenSquare(), "focal.jpg");

        await PatchAsync(item.Id, new { focalPoint = new { x = 900 / 1200.0, y = 200 / 800.0 } });
        var rail = (await GetJsonAsync<List<ProfileDerivative>>($"/api/media/{item.Id}/derivatives")).Single(d => d.Profile == "rail");

        using var image = await ImageAsync(rail.Url);
        Assert.Equal((160, 160), (image.Width, image.Height));
        // An 800×800 square as near the focal point as the image allows: x 400–1200, so the square sits right of centre.
        Assert.True(IsGreen(image[(int)(160 * 500 / 800.0), (int)(160 * 200 / 800.0)]));
        Assert.True(IsGrey(image[10, 150]));
    }

    [Fact]
    public async Task Derivatives_are_immutable_with_an_etag_and_304()
    {
        var item = await UploadAsync(CraftedImages.Photo(800, 600), "etag.jpg");
        var card = await CardAsync(item);

        using var first = await GetAsync(card.Url, "image/webp,image/*");
        var etag = first.Headers.ETag!;
        using var conditional = new HttpRequestMessage(HttpMethod.Get, card.Url);
        conditional.Headers.Accept.ParseAdd("image/webp,image/*");
        conditional.Headers.IfNoneMatch.Add(etag);
        using var second = await Http.SendAsync(conditional);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", first.Headers.CacheControl!.ToString());
        Assert.Equal("image/webp", first.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", first.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("Accept", first.Headers.Vary);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Without_webp_in_accept_the_derivative_is_jpeg_and_an_explicit_format_wins()
    {
        var item = await UploadAsync(CraftedImages.Photo(800, 600), "formats.jpg");
        var card = await CardAsync(item);
        var urls = Factory.Services.GetRequiredService<DerivativeUrls>();
        var webp = urls.ForSize(item.Path, item.ContentHash, 200, null, Profiles.ResizeMode.Max, null, null, format: "webp", quality: 60);

        using var jpeg = await GetAsync(card.Url, "image/jpeg");
        using var forced = await GetAsync(webp, "image/jpeg");

        Assert.Equal("image/jpeg", jpeg.Content.Headers.ContentType!.MediaType);
        Assert.Equal("image/webp", forced.Content.Headers.ContentType!.MediaType);
        Assert.Empty(forced.Headers.Vary);
        using var image = Image.Load(await forced.Content.ReadAsByteArrayAsync());
        Assert.Equal((200, 150), (image.Width, image.Height));
    }

    [Fact]
    public async Task A_request_without_a_token_or_with_a_tampered_one_is_refused()
    {
        var item = await UploadAsync(CraftedImages.Photo(800, 600), "signed.jpg");
        var card = await CardAsync(item);
        var urls = Factory.Services.GetRequiredService<DerivativeUrls>();
        var small = urls.ForSize(item.Path, item.ContentHash, 100, 100, Profiles.ResizeMode.Crop, null, null);

        using var noToken = await GetAsync(item.Url + "?width=3000&height=3000", "application/json");
        using var biggerSize = await GetAsync(small.Replace("width=100", "width=4000", StringComparison.Ordinal));
        using var otherCrop = await GetAsync(card.Url.Replace("rxy=0.5%2C0.5", "rxy=0.1%2C0.1", StringComparison.Ordinal));
        using var unknownCommand = await GetAsync(small + "&bgcolor=red");
        using var valid = await GetAsync(small);

        Assert.True(card.Url.Contains("rxy=0.5%2C0.5", StringComparison.Ordinal), card.Url);
        Assert.Equal(HttpStatusCode.Forbidden, noToken.StatusCode);
        Assert.Contains("token is missing or does not match", await noToken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, biggerSize.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherCrop.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownCommand.StatusCode);
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal(0, Factory.Services.GetRequiredService<DerivativeCache>().Renders - 1);
    }

    [Fact]
    public async Task Concurrent_first_requests_render_once()
    {
        var item = await UploadAsync(CraftedImages.Photo(3000, 2000), "flight.jpg");
        var hero = (await GetJsonAsync<List<ProfileDerivative>>($"/api/media/{item.Id}/derivatives")).Single(d => d.Profile == "hero");
        var cache = Factory.Services.GetRequiredService<DerivativeCache>();
        var before = cache.Renders;

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => GetAsync(hero.Url, "image/jpeg")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsByteArrayAsync()));
        Assert.Single(bodies.Select(Convert.ToBase64String).Distinct());
        Assert.Equal(1, cache.Renders - before);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task A_url_for_a_replaced_file_is_out_of_date()
    {
        var item = await UploadAsync(CraftedImages.Photo(400, 300), "replaced.jpg", folder: "swap");
        var card = await CardAsync(item);
        // A recipe replaces the file at the same path (new bytes, new hash).
        var recipe = new System.Text.Json.Nodes.JsonObject
        {
            ["name"] = "swap",
            ["steps"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
            {
                ["name"] = "Media",
                ["Files"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["TargetPath"] = item.Path, ["Base64"] = Convert.ToBase64String(CraftedImages.Photo(500, 300)) }),
            }),
        };
        await RunRecipeAsync(recipe);

        using var response = await GetAsync(card.Url, "application/json");

        Assert.True(response.StatusCode == HttpStatusCode.NotFound, await response.Content.ReadAsStringAsync());
        Assert.Contains("out of date", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(card.Url, (await CardAsync(item)).Url);
    }

    [Fact]
    public async Task Deleting_a_file_drops_its_derivatives()
    {
        var item = await UploadAsync(CraftedImages.Photo(400, 300), "dropped.jpg");
        var card = await CardAsync(item);
        using (await GetAsync(card.Url, "image/jpeg"))
        {
        }

        var cacheRoot = Path.Combine(Factory.DataDirectory, "cache", "media");
        var before = Directory.EnumerateFiles(cacheRoot, "*", SearchOption.AllDirectories).Count();
        using var deleted = await SendAsync(HttpMethod.Delete, $"/api/media/{item.Id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(before - 1, Directory.EnumerateFiles(cacheRoot, "*", SearchOption.AllDirectories).Count());
    }

    private async Task<ProfileDerivative> CardAsync(MediaItem item) =>
        (await GetJsonAsync<List<ProfileDerivative>>($"/api/media/{item.Id}/derivatives")).Single(d => d.Profile == "card");

    private async Task<HttpResponseMessage> GetAsync(string url, string accept = "image/jpeg")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept.Split(',')[0]));
        foreach (var more in accept.Split(',').Skip(1))
        {
            request.Headers.Accept.ParseAdd(more);
        }

        return await Http.SendAsync(request);
    }

    private async Task<Image<Rgb24>> ImageAsync(string url)
    {
        using var response = await GetAsync(url, "image/jpeg");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, System.Text.Encoding.UTF8.GetString(bytes));
        return Image.Load<Rgb24>(bytes);
    }

    private static bool IsGreen(Rgb24 p) => p.G > 150 && p.R < 60 && p.B < 60;

    private static bool IsGrey(Rgb24 p) => Math.Abs(p.R - 128) < 20 && Math.Abs(p.G - 128) < 20 && Math.Abs(p.B - 128) < 20;
}
