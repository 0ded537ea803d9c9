namespace Cms.Media;

/// <summary>URLs of library files.</summary>
public static class MediaUrls
{
    /// <summary>The original's URL, each path segment escaped: <c>/media/covers/harbour.jpg</c>.</summary>
    public static string Original(string requestPath, string path) =>
        Core.Media.MediaPaths.Url(requestPath.TrimEnd('/'), path);
}
