using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cms.Core.Fields;

/// <summary>
/// Orchard Core's MediaField: parallel arrays <c>Paths</c>, <c>MediaTexts</c> (alt texts) and <c>Anchors</c>
/// (focal points, 0–1), plus our <c>Captions</c>, <c>Credits</c> and <c>Crops</c> (per file, an optional crop
/// rectangle per profile: <c>{ "card": { "X", "Y", "Width", "Height" } }</c>, fractions of the image). Paths are
/// media-library relative. Each path is indexed (as text) so the library can tell where a file is used.
/// </summary>
public sealed class MediaFieldKind : IContentFieldKind
{
    public string Name => "MediaField";

    public FieldIndexKind IndexKind => FieldIndexKind.None;

    public void Normalize(JsonObject value, FieldContext context)
    {
        if (!JsonValues.TryStringArray(value["Paths"], out var paths))
        {
            context.Error("Paths", "must be an array of media paths.");
            return;
        }

        for (var i = 0; i < paths.Count; i++)
        {
            if (!IsSafeMediaPath(paths[i]))
            {
                context.Error($"Paths[{i}]", "must be a relative media path without '..', e.g. 'covers/harbour.jpg'.");
            }
        }

        foreach (var name in new[] { "MediaTexts", "Captions", "Credits" })
        {
            if (!JsonValues.TryStringArray(value[name], out var texts))
            {
                context.Error(name, "must be an array of strings.");
            }
            else if (texts.Count > paths.Count)
            {
                context.Error(name, $"has {texts.Count} entries for {paths.Count} paths.");
            }
        }

        if (!JsonValues.IsNull(value["Anchors"]))
        {
            if (value["Anchors"] is not JsonArray anchors)
            {
                context.Error("Anchors", "must be an array of { X, Y } points.");
            }
            else
            {
                for (var i = 0; i < anchors.Count; i++)
                {
                    var x = JsonValues.Number(anchors[i]?["X"]);
                    var y = JsonValues.Number(anchors[i]?["Y"]);
                    if (x is null || y is null || !Media.FocalPoint.IsValid(x.Value, y.Value))
                    {
                        context.Error($"Anchors[{i}]", "needs X and Y between 0 and 1.");
                    }
                }
            }
        }

        if (!JsonValues.IsNull(value["Crops"]))
        {
            if (value["Crops"] is not JsonArray crops)
            {
                context.Error("Crops", "must be an array with, per file, null or an object of crop rectangles by profile name.");
            }
            else if (crops.Count > paths.Count)
            {
                context.Error("Crops", $"has {crops.Count} entries for {paths.Count} paths.");
            }
            else
            {
                for (var i = 0; i < crops.Count; i++)
                {
                    CheckCrops(crops[i], $"Crops[{i}]", context);
                }
            }
        }

        var settings = context.Definition.KindSettings;
        var multiple = settings["Multiple"]?.GetValueKind() != JsonValueKind.False;
        if (!multiple && paths.Count > 1)
        {
            context.Error("Paths", $"'{context.Definition.DisplayName}' takes one media file.");
        }

        if (context.Definition.Required && paths.Count == 0)
        {
            context.Error("Paths", $"'{context.Definition.DisplayName}' is required.");
        }
    }

    public IEnumerable<FieldIndexEntry> Index(JsonObject value, string partName, string fieldName) =>
        JsonValues.TryStringArray(value["Paths"], out var paths)
            ? paths.Distinct(StringComparer.Ordinal).Select(path => new FieldIndexEntry(FieldIndexKind.Text, partName, fieldName) { Text = path })
            : [];

    /// <summary>A profile name as recipes and URLs spell it: lower-case letters, digits, '-' and '_'.</summary>
    public static bool IsProfileName(string name) =>
        name.Length is > 0 and <= 32 && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_');

    private static void CheckCrops(JsonNode? entry, string at, FieldContext context)
    {
        if (JsonValues.IsNull(entry))
        {
            return;
        }

        if (entry is not JsonObject byProfile)
        {
            context.Error(at, "must be null or an object of crop rectangles by profile name.");
            return;
        }

        foreach (var (profile, rectangle) in byProfile)
        {
            if (!IsProfileName(profile))
            {
                context.Error($"{at}.{profile}", "is not a profile name (lower-case letters, digits, '-' and '_').");
                continue;
            }

            var x = JsonValues.Number(rectangle?["X"]);
            var y = JsonValues.Number(rectangle?["Y"]);
            var width = JsonValues.Number(rectangle?["Width"]);
            var height = JsonValues.Number(rectangle?["Height"]);
            if (x is null || y is null || width is null || height is null || !Media.CropRectangle.IsValid(x.Value, y.Value, width.Value, height.Value))
            {
                context.Error($"{at}.{profile}", "needs X, Y, Width and Height as fractions of the image (0–1) that stay inside it.");
            }
        }
    }

    public static bool IsSafeMediaPath(string path) =>
        path.Length is > 0 and <= 1024
        && !path.StartsWith('/')
        && !path.Contains('\\', StringComparison.Ordinal)
        && !path.Contains(':', StringComparison.Ordinal)
        && !path.Split('/').Any(segment => segment is "" or "." or "..");
}
