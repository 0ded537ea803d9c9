namespace Cms.Media;

public sealed class MediaOptions
{
    /// <summary>The folder holding the media library (<c>{Cms:DataDirectory}/Media</c>).</summary>
    public string RootPath { get; set; } = "";

    /// <summary>URL prefix of the media library.</summary>
    public string RequestPath { get; set; } = "/media";
}
