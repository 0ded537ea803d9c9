using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Core.Settings;
using Cms.Recipes.Export;

namespace Cms.Recipes.Steps;

/// <summary><c>Settings</c>: <c>SiteName</c> and <c>TimeZone</c> (an IANA id such as <c>Asia/Baku</c>).</summary>
public sealed class SettingsStep(ISiteSettingsService settings) : IRecipeStep, IRecipeExportSource
{
    private static readonly string[] Known = ["name", "SiteName", "TimeZone"];

    public string Name => "Settings";

    public int Order => RecipeExportOrder.Settings;

    public async Task ExportAsync(RecipeExportContext context, CancellationToken cancellationToken)
    {
        var current = await settings.GetAsync(cancellationToken);
        context.WriteStep(new JsonObject { ["name"] = Name, ["SiteName"] = current.SiteName, ["TimeZone"] = current.TimeZone });
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var current = await settings.GetAsync(cancellationToken);
        var updated = current;
        foreach (var (key, value) in context.Step)
        {
            // Names are matched ignoring case, as in the rest of a recipe (Orchard Core writes "siteName" too).
            switch (Known.FirstOrDefault(k => k.Equals(key, StringComparison.OrdinalIgnoreCase)) ?? key)
            {
                case "name":
                    break;
                case "SiteName":
                    var siteName = ReadString(context, key, value);
                    if (siteName.Length is 0 or > 200)
                    {
                        throw context.Error(key, "must be 1 to 200 characters.");
                    }

                    updated = updated with { SiteName = siteName };
                    break;
                case "TimeZone":
                    var zone = ReadString(context, key, value);
                    if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
                    {
                        throw context.Error(key, $"'{zone}' is not a known time zone id (use an IANA id such as 'Europe/London').");
                    }

                    updated = updated with { TimeZone = zone };
                    break;
                default:
                    throw context.Error(key, $"unknown setting '{key}'; known settings: SiteName, TimeZone.");
            }
        }

        if (updated != current)
        {
            await settings.SaveAsync(updated, cancellationToken);
        }
    }

    private static string ReadString(RecipeStepContext context, string key, JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>().Trim()
            : throw context.Error(key, "must be a string.");
}
