using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Core.Settings;
using Cms.Recipes.Export;

namespace Cms.Recipes.Steps;

/// <summary>
/// <c>Settings</c>: <c>SiteName</c>, <c>TimeZone</c> (an IANA id such as <c>Asia/Baku</c>), and what front ends show:
/// <c>Tagline</c>, <c>Logo</c> (a media path), <c>FooterText</c>, <c>SocialLinks</c> (<c>[{ "Name", "Url" }]</c>) and
/// <c>CookieNotice</c> (<c>{ "Text", "Links": [{ "Text", "Url" }] }</c>). Settings the step does not name keep their
/// values; a list given replaces the list. The values are checked by <see cref="SiteSettingsRules"/>, as in the admin.
/// </summary>
public sealed class SettingsStep(ISiteSettingsService settings) : IRecipeStep, IRecipeExportSource
{
    private static readonly string[] Known = ["name", "SiteName", "TimeZone", "Tagline", "Logo", "FooterText", "SocialLinks", "CookieNotice"];

    public string Name => "Settings";

    public int Order => RecipeExportOrder.Settings;

    public async Task ExportAsync(RecipeExportContext context, CancellationToken cancellationToken)
    {
        var current = await settings.GetAsync(cancellationToken);
        // Every setting the step reads, so an import gives the same site (front ends read them all through GraphQL).
        context.WriteStep(new JsonObject
        {
            ["name"] = Name,
            ["SiteName"] = current.SiteName,
            ["TimeZone"] = current.TimeZone,
            ["Tagline"] = current.Tagline,
            ["Logo"] = current.Logo,
            ["FooterText"] = current.FooterText,
            ["SocialLinks"] = new JsonArray([.. current.SocialLinks.Select(l => (JsonNode)new JsonObject { ["Name"] = l.Name, ["Url"] = l.Url })]),
            ["CookieNotice"] = new JsonObject
            {
                ["Text"] = current.CookieNotice.Text,
                ["Links"] = new JsonArray([.. current.CookieNotice.Links.Select(l => (JsonNode)new JsonObject { ["Text"] = l.Text, ["Url"] = l.Url })]),
            },
        });
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
                    updated = updated with { SiteName = ReadString(context, key, value) };
                    break;
                case "TimeZone":
                    updated = updated with { TimeZone = ReadString(context, key, value).Trim() };
                    break;
                case "Tagline":
                    updated = updated with { Tagline = ReadOptionalString(context, key, value) };
                    break;
                case "Logo":
                    updated = updated with { Logo = ReadOptionalString(context, key, value) };
                    break;
                case "FooterText":
                    updated = updated with { FooterText = ReadOptionalString(context, key, value) };
                    break;
                case "SocialLinks":
                    updated = updated with { SocialLinks = ReadLinks(context, key, value, "Name", (name, url) => new SocialLink(name, url)) };
                    break;
                case "CookieNotice":
                    updated = updated with { CookieNotice = ReadNotice(context, key, value) };
                    break;
                default:
                    throw context.Error(key, $"unknown setting '{key}'; known settings: {string.Join(", ", Known.Skip(1))}.");
            }
        }

        // The same check as the admin's (it throws with the path of every problem); saved only when something changed.
        var cleaned = SiteSettingsRules.Clean(updated);
        if (JsonSerializer.Serialize(cleaned) != JsonSerializer.Serialize(current))
        {
            await settings.SaveAsync(cleaned, cancellationToken);
        }
    }

    private static CookieNotice ReadNotice(RecipeStepContext context, string key, JsonNode? value)
    {
        if (value is not JsonObject notice)
        {
            throw context.Error(key, "must be an object { \"Text\": ..., \"Links\": [{ \"Text\": ..., \"Url\": ... }] }.");
        }

        string? text = null;
        IReadOnlyList<NoticeLink> links = [];
        foreach (var (property, inner) in notice)
        {
            if (property.Equals("Text", StringComparison.OrdinalIgnoreCase))
            {
                text = ReadOptionalString(context, $"{key}.{property}", inner);
            }
            else if (property.Equals("Links", StringComparison.OrdinalIgnoreCase))
            {
                links = ReadLinks(context, $"{key}.{property}", inner, "Text", (name, url) => new NoticeLink(name, url));
            }
            else
            {
                throw context.Error($"{key}.{property}", $"unknown property '{property}'; a cookie notice has Text and Links.");
            }
        }

        return new CookieNotice { Text = text, Links = links };
    }

    private static List<T> ReadLinks<T>(RecipeStepContext context, string key, JsonNode? value, string nameProperty, Func<string, string, T> create)
    {
        if (value is not JsonArray array)
        {
            throw context.Error(key, $"must be an array of {{ \"{nameProperty}\": ..., \"Url\": ... }} objects.");
        }

        var links = new List<T>();
        for (var i = 0; i < array.Count; i++)
        {
            var path = $"{key}[{i}]";
            if (array[i] is not JsonObject link)
            {
                throw context.Error(path, $"must be an object {{ \"{nameProperty}\": ..., \"Url\": ... }}.");
            }

            string? name = null;
            string? url = null;
            foreach (var (property, inner) in link)
            {
                if (property.Equals(nameProperty, StringComparison.OrdinalIgnoreCase))
                {
                    name = ReadString(context, $"{path}.{property}", inner);
                }
                else if (property.Equals("Url", StringComparison.OrdinalIgnoreCase))
                {
                    url = ReadString(context, $"{path}.{property}", inner);
                }
                else
                {
                    throw context.Error($"{path}.{property}", $"unknown property '{property}'; a link has {nameProperty} and Url.");
                }
            }

            links.Add(create(name ?? "", url ?? ""));
        }

        return links;
    }

    private static string ReadString(RecipeStepContext context, string key, JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : throw context.Error(key, "must be a string.");

    private static string? ReadOptionalString(RecipeStepContext context, string key, JsonNode? value) =>
        value is null ? null : ReadString(context, key, value);
}
