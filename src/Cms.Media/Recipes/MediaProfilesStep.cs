using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Core.Fields;
using Cms.Media.Imaging;
using Cms.Media.Profiles;
using Cms.Recipes;
using Cms.Recipes.Export;

namespace Cms.Media.Recipes;

/// <summary>
/// <c>MediaProfiles</c>, as in Orchard Core: <c>{ "MediaProfiles": { "card": { "Hint", "Width", "Height", "Mode",
/// "Format", "Quality" } } }</c>. Mode: Max, Crop, Pad, BoxPad, Min or Stretch; Format: Jpg, WebP, Png or
/// Undefined (WebP or JPEG from the browser's Accept header). Given profiles are added or replaced.
/// </summary>
public sealed class MediaProfilesStep(MediaProfileStore store) : IRecipeStep, IRecipeExportSource
{
    public const int MaxSide = 4096;

    public string Name => "MediaProfiles";

    public int Order => RecipeExportOrder.MediaProfiles;

    public async Task ExportAsync(RecipeExportContext context, CancellationToken cancellationToken)
    {
        var profiles = new JsonObject();
        foreach (var (name, profile) in await store.GetAsync(cancellationToken))
        {
            var json = new JsonObject { ["Width"] = profile.Width, ["Height"] = profile.Height, ["Mode"] = profile.Mode.ToString(), ["Format"] = profile.Format ?? "Undefined" };
            if (profile.Quality is { } quality)
            {
                json["Quality"] = quality;
            }

            if (profile.Hint is { } hint)
            {
                json["Hint"] = hint;
            }

            profiles[name] = json;
        }

        context.WriteStep(new JsonObject { ["name"] = Name, ["MediaProfiles"] = profiles });
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        if (context.Step["MediaProfiles"] is not JsonObject profiles)
        {
            throw context.Error("MediaProfiles", "the MediaProfiles step needs a 'MediaProfiles' object of profiles by name.");
        }

        var parsed = new List<MediaProfile>();
        foreach (var (name, value) in profiles)
        {
            var at = $"MediaProfiles.{name}";
            if (!MediaFieldKind.IsProfileName(name))
            {
                throw context.Error(at, "a profile name is 1 to 32 lower-case letters, digits, '-' or '_' (e.g. 'card').");
            }

            if (value is not JsonObject profile)
            {
                throw context.Error(at, "must be an object with Width, Height and Mode.");
            }

            var width = Int(profile, "Width");
            var height = Int(profile, "Height");
            if (width is null or < 1 or > MaxSide || height is null or < 1 or > MaxSide)
            {
                throw context.Error(at, $"needs Width and Height between 1 and {MaxSide}.");
            }

            var modeText = Text(profile, "Mode") ?? "Crop";
            if (!Enum.TryParse<ResizeMode>(modeText, ignoreCase: true, out var mode) || int.TryParse(modeText, out _))
            {
                throw context.Error($"{at}.Mode", $"'{modeText}' is not a mode; use Max, Crop, Pad, BoxPad, Min or Stretch.");
            }

            var formatText = Text(profile, "Format");
            string? format = null;
            if (formatText is not null && !formatText.Equals("Undefined", StringComparison.OrdinalIgnoreCase))
            {
                format = MediaFormat.FromName(formatText.ToLowerInvariant()) is { } known && known != MediaFormat.Gif
                    ? known.Name
                    : throw context.Error($"{at}.Format", $"'{formatText}' is not an output format; use Jpg, WebP, Png or Undefined.");
            }

            var quality = Int(profile, "Quality");
            if (quality is < 1 or > 100)
            {
                throw context.Error($"{at}.Quality", "must be between 1 and 100.");
            }

            parsed.Add(new MediaProfile(name, width.Value, height.Value, mode, format, quality, Text(profile, "Hint")));
        }

        await store.SaveAsync(parsed, cancellationToken);
    }

    private static int? Int(JsonObject o, string name) =>
        o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var i) ? i : null;

    private static string? Text(JsonObject o, string name) =>
        o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
