using Cms.Core.Media;

namespace Cms.GraphQL.Schema;

/// <summary>A derivative as GraphQL shows it: its absolute URL and size.</summary>
internal sealed record CropSource(string MediaBaseUrl, DerivativeImage Image)
{
    public string Url => Absolute(MediaBaseUrl, Image.Url);

    public static string Absolute(string mediaBaseUrl, string relative) => mediaBaseUrl + "/" + relative;
}
