using System.Buffers;

namespace Cms.Core.Media;

/// <summary>Library paths in URLs.</summary>
public static class MediaPaths
{
    private static readonly SearchValues<char> Unreserved =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/");

    /// <summary>
    /// <paramref name="path"/> under <paramref name="baseUrl"/>, each path segment escaped:
    /// <c>https://news.example.com/media/covers/harbour%20view.jpg</c>. A path of letters, digits, <c>-._~</c> and
    /// slashes, as the library names its files, needs no escaping and is used as it is.
    /// </summary>
    public static string Url(string baseUrl, string path) =>
        path.AsSpan().ContainsAnyExcept(Unreserved)
            ? baseUrl + "/" + string.Join('/', path.Split('/').Select(Uri.EscapeDataString))
            : string.Concat(baseUrl, "/", path);
}
