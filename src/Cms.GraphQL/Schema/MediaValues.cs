using System.Text.Json.Nodes;
using Cms.Core.Media;

namespace Cms.GraphQL.Schema;

/// <summary>Reads a stored MediaField (parallel arrays Paths, MediaTexts, Anchors, Captions, Credits).</summary>
internal static class MediaValues
{
    public static IReadOnlyList<MediaAnchor?> Anchors(JsonObject value, int count)
    {
        var anchors = value["Anchors"] as JsonArray;
        var result = new List<MediaAnchor?>(count);
        for (var i = 0; i < count; i++)
        {
            var anchor = anchors is not null && i < anchors.Count ? anchors[i] : null;
            result.Add(JsonRead.Double(anchor?["X"]) is { } x && JsonRead.Double(anchor?["Y"]) is { } y ? new MediaAnchor(x, y) : null);
        }

        return result;
    }

    /// <summary>The field's crop rectangles of file <paramref name="index"/> (<c>Crops[index].card = { X, Y, Width, Height }</c>).</summary>
    public static IReadOnlyDictionary<string, CropRectangle> Crops(JsonObject value, int index)
    {
        var result = new Dictionary<string, CropRectangle>(StringComparer.Ordinal);
        if (value["Crops"] is JsonArray crops && index < crops.Count && crops[index] is JsonObject byProfile)
        {
            foreach (var (profile, rectangle) in byProfile)
            {
                if (JsonRead.Double(rectangle?["X"]) is { } x && JsonRead.Double(rectangle?["Y"]) is { } y
                    && JsonRead.Double(rectangle?["Width"]) is { } w && JsonRead.Double(rectangle?["Height"]) is { } h && CropRectangle.IsValid(x, y, w, h))
                {
                    result[profile] = new CropRectangle(x, y, w, h);
                }
            }
        }

        return result;
    }

    public static IReadOnlyList<MediaFile> Files(JsonObject value, string mediaBaseUrl)
    {
        var paths = JsonRead.Strings(value["Paths"]);
        var anchors = Anchors(value, paths.Count);
        return paths.Select((path, i) => new MediaFile(
            path,
            MediaPaths.Url(mediaBaseUrl, path),
            JsonRead.StringAt(value["MediaTexts"], i),
            anchors[i],
            JsonRead.StringAt(value["Captions"], i),
            JsonRead.StringAt(value["Credits"], i))
        { Crops = Crops(value, i) }).ToList();
    }
}
