using System.Net;
using Cms.Media.Api;
using Cms.Media.Tests.Support;

namespace Cms.Media.Tests;

/// <summary>The crop editor's preview of automatic crops: where each profile's crop falls for a focal point not saved yet.</summary>
public sealed class AutomaticCropTests : MediaHost
{
    [Fact]
    public async Task Derivatives_tell_where_the_automatic_crops_fall_for_a_focal_point()
    {
        var photo = await UploadAsync(CraftedImages.PhotoWithGreenSquare(), "auto.jpg");

        var stored = await GetJsonAsync<List<ProfileDerivative>>($"/api/media/{photo.Id}/derivatives");
        var asked = await GetJsonAsync<List<ProfileDerivative>>($"/api/media/{photo.Id}/derivatives?focalX=0.9&focalY=0.1");
        using var refused = await SendAsync(HttpMethod.Get, $"/api/media/{photo.Id}/derivatives?focalX=1.5");

        // 1200×800: the card (16:9) is the full width, 675 high (62 from the top, rounded); the rail an 800×800 square.
        var card = stored.Single(d => d.Profile == "card").Automatic!;
        Assert.Equal((0, 62 / 800.0, 1, 675 / 800.0), (card.X, card.Y, card.Width, card.Height));
        var rail = asked.Single(d => d.Profile == "rail").Automatic!;
        Assert.Equal((400 / 1200.0, 0, 800 / 1200.0, 1), (rail.X, rail.Y, rail.Width, rail.Height));
        Assert.Equal(0, asked.Single(d => d.Profile == "card").Automatic!.Y);
        // Asking never changes the file: its stored focal point and URLs stay as they were.
        Assert.Equal(stored.Select(d => d.Url), asked.Select(d => d.Url));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("focalX and focalY must be between 0 and 1", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
