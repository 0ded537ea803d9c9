using Cms.Core.Media;
using Xunit;

namespace Cms.Core.Tests.Media;

public sealed class MediaPathsTests
{
    [Theory]
    [InlineData("covers/harbour-2026_v1.jpg", "https://news.example.com/media/covers/harbour-2026_v1.jpg")]
    [InlineData("covers/harbour view.jpg", "https://news.example.com/media/covers/harbour%20view.jpg")]
    [InlineData("a/100%.png", "https://news.example.com/media/a/100%25.png")]
    [InlineData("q/what?#.jpg", "https://news.example.com/media/q/what%3F%23.jpg")]
    [InlineData("şəhər/küçə.jpg", "https://news.example.com/media/%C5%9F%C9%99h%C9%99r/k%C3%BC%C3%A7%C9%99.jpg")]
    public void Each_segment_of_a_path_is_escaped_and_a_plain_path_is_kept_as_it_is(string path, string url) =>
        Assert.Equal(url, MediaPaths.Url("https://news.example.com/media", path));
}
