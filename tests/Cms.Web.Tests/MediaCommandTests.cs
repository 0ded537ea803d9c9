using Cms.Media.Library;
using Cms.Testing;
using Cms.Web.Setup;
using Cms.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Cms.Web.Tests;

/// <summary><c>media backfill</c> against a data directory whose media folder holds files from before the library.</summary>
[Collection(nameof(SerialCollection))]
public sealed class MediaCommandTests : IDisposable
{
    private readonly CmsWebApplicationFactory _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Backfill_records_the_photos_reports_the_invalid_file_and_keeps_it()
    {
        using (var first = new CmsWebApplicationFactory().WithSetting("Cms:DataDirectory", _site.DataDirectory))
        {
            using var client = first.CreateClient();
        }

        Place("archive/ferry.jpg", Jpeg(64, 48));
        var fake = "<html><body>not a picture</body></html>"u8.ToArray();
        Place("archive/fake.jpg", fake);
        using var console = new ConsoleCapture();

        Assert.True(MediaCommand.TryParse(["media", "backfill", $"--Cms:DataDirectory={_site.DataDirectory}"], out var hostArgs));
        var exitCode = await MediaCommand.RunAsync(hostArgs);

        Assert.Equal(MediaCommand.SkippedExitCode, exitCode);
        Assert.Contains("recorded  archive/ferry.jpg", console.Text, StringComparison.Ordinal);
        Assert.Contains("skipped   archive/fake.jpg: The file is not a JPEG, PNG, GIF or WebP image", console.Text, StringComparison.Ordinal);
        Assert.Contains("Media backfill: 1 recorded, 1 skipped (left as they were), 1 already in the library.", console.Text, StringComparison.Ordinal);
        Assert.Equal(fake, await File.ReadAllBytesAsync(MediaFile("archive/fake.jpg")));
        await using var scope = _site.Services.CreateAsyncScope();
        var item = await scope.ServiceProvider.GetRequiredService<MediaLibrary>().GetByPathAsync("archive/ferry.jpg");
        Assert.NotNull(item);
        Assert.Equal((64, 48, MediaBackfill.Actor), (item.Width, item.Height, item.CreatedBy));
        Assert.Null(await scope.ServiceProvider.GetRequiredService<MediaLibrary>().GetByPathAsync("archive/fake.jpg"));
    }

    [Fact]
    public void The_command_line_is_recognised()
    {
        Assert.True(MediaCommand.TryParse(["media", "backfill", "--Cms:DataDirectory=data"], out var hostArgs));
        Assert.Equal(["--Cms:DataDirectory=data"], hostArgs);
        Assert.False(MediaCommand.TryParse(["media", "delete"], out _));
        Assert.False(MediaCommand.TryParse(["--urls", "http://localhost:5080"], out _));
    }

    private string MediaFile(string path) => Path.Combine(_site.DataDirectory, "Media", path.Replace('/', Path.DirectorySeparatorChar));

    private void Place(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(MediaFile(path))!);
        File.WriteAllBytes(MediaFile(path), bytes);
    }

    private static byte[] Jpeg(int width, int height)
    {
        using var image = new Image<Rgb24>(width, height, new Rgb24(30, 120, 200));
        using var output = new MemoryStream();
        image.SaveAsJpeg(output);
        return output.ToArray();
    }
}
