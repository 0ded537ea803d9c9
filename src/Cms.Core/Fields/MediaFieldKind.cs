using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cms.Core.Fields;

/// <summary>
/// Orchard Core's MediaField: parallel arrays <c>Paths</c>, <c>MediaTexts</c> (alt texts) and <c>Anchors</c>
/// (focal points, 0–1), plus our <c>Captions</c> and <c>Credits</c>. Paths are media-library relative.
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
                    if (x is null or < 0 or > 1 || y is null or < 0 or > 1)
                    {
                        context.Error($"Anchors[{i}]", "needs X and Y between 0 and 1.");
                    }
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

    public IEnumerable<FieldIndexEntry> Index(JsonObject value, string partName, string fieldName) => [];

    public static bool IsSafeMediaPath(string path) =>
        path.Length is > 0 and <= 1024
        && !path.StartsWith('/')
        && !path.Contains('\\', StringComparison.Ordinal)
        && !path.Contains(':', StringComparison.Ordinal)
        && !path.Split('/').Any(segment => segment is "" or "." or "..");
}
