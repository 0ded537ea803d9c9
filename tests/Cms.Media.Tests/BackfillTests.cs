using System.Net;
using System.Text;
using Cms.Media.Api;
using Cms.Media.Library;
using Cms.Media.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Cms.Media.Tests;

/// <summary>
/// Files already under the media folder with no record (an install from before the library) get one through the
/// upload's checks; a file that is not a valid image, or whose content does not match its name, is reported and left
/// exactly as it was.
/// </summary>
public sealed class BackfillTests : MediaHost
{
    [Fact]
    public async Task Files_without_a_record_get_one_and_invalid_files_are_reported_and_kept()
    {
        var recorded = await UploadAsync(CraftedImages.Photo(60, 40), "known.jpg", folder: "old");
        var knownBytes = await File.ReadAllBytesAsync(MediaFile(recorded.Path));
        Place("old/harbour.jpg", CraftedImages.SidewaysPhotoWithGps());
        Place("top.jpg", CraftedImages.Photo(90, 60));
        var html = CraftedImages.HtmlPage();
        Place("old/fake.jpg", html);
        using var png = new Image<Rgba32>(30, 20, Color.Red);
        using var pngBytes = new MemoryStream();
        await png.SaveAsPngAsync(pngBytes);
        Place("old/misnamed.jpg", pngBytes.ToArray());
        Place("old/broken.jpg", CraftedImages.Photo(80, 60)[..400]);

        var report = await BackfillAsync();

        Assert.Equal(["old/harbour.jpg", "top.jpg"], report.Recorded);
        Assert.Equal(["old/broken.jpg", "old/fake.jpg", "old/misnamed.jpg"], report.Skipped.Select(s => s.Path));
        Assert.Contains("JPEG image", report.Skipped[0].Reason, StringComparison.Ordinal);
        Assert.Contains("not a JPEG, PNG, GIF or WebP image", report.Skipped[1].Reason, StringComparison.Ordinal);
        Assert.Contains("its content is PNG", report.Skipped[2].Reason, StringComparison.Ordinal);
        Assert.Equal(2, report.AlreadyRecorded); // the known file and the site's logo from the setup recipe

        // Skipped files are untouched; the recorded one was left as it was too.
        Assert.Equal(html, await File.ReadAllBytesAsync(MediaFile("old/fake.jpg")));
        Assert.Equal(pngBytes.ToArray(), await File.ReadAllBytesAsync(MediaFile("old/misnamed.jpg")));
        Assert.Equal(knownBytes, await File.ReadAllBytesAsync(MediaFile(recorded.Path)));

        // The new record describes the cleaned file at the same path: upright, no GPS, the hash of what is stored.
        var page = await GetJsonAsync<MediaPage>("/api/media?folder=old&sort=Name");
        Assert.Equal(["harbour.jpg", "known.jpg"], page.Items.Select(i => i.FileName));
        var harbour = page.Items[0];
        Assert.Equal((20, 40, "jpeg", MediaBackfill.Actor), (harbour.Width, harbour.Height, harbour.Format, harbour.CreatedBy));
        var stored = await File.ReadAllBytesAsync(MediaFile("old/harbour.jpg"));
        Assert.DoesNotContain("Test Camera 3000", Encoding.ASCII.GetString(stored), StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stored)), harbour.ContentHash);

        // It is a library file like any other: its signed derivatives render.
        var rail = (await GetJsonAsync<List<ProfileDerivative>>($"/api/media/{harbour.Id}/derivatives")).Single(d => d.Profile == "rail");
        using var derivative = await Http.GetAsync(rail.Url);
        Assert.Equal(HttpStatusCode.OK, derivative.StatusCode);

        // A second run finds nothing new and reports the same invalid files again.
        var again = await BackfillAsync();
        Assert.Empty(again.Recorded);
        Assert.Equal(3, again.Skipped.Count);
        Assert.Equal(4, again.AlreadyRecorded);
    }

    private void Place(string path, byte[] bytes)
    {
        var full = MediaFile(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }

    private async Task<MediaBackfillReport> BackfillAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MediaBackfill>().RunAsync();
    }
}
