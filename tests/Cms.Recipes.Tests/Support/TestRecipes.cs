using System.Text.Json.Nodes;

namespace Cms.Recipes.Tests.Support;

/// <summary>Small recipes in Orchard Core's shape, built from parts so that each test can break one thing.</summary>
public static class TestRecipes
{
    public const string TinyPngBase64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    public static string Recipe(params JsonNode[] steps) => new JsonObject
    {
        ["name"] = "Test",
        ["displayName"] = "Test recipe",
        ["description"] = "A recipe written by a test.",
        ["version"] = "1.0.0",
        ["issetuprecipe"] = false,
        ["steps"] = new JsonArray(steps.Select(s => s.DeepClone()).ToArray()),
    }.ToJsonString();

    public static JsonObject Settings(string siteName = "Test Daily", string timeZone = "Europe/London") =>
        new() { ["name"] = "Settings", ["SiteName"] = siteName, ["TimeZone"] = timeZone };

    public static JsonObject Definitions(string rankFieldKind = "NumericField") => new()
    {
        ["name"] = "ContentDefinition",
        ["ContentTypes"] = new JsonArray(
            Type("Section", "TitlePart", "AutoroutePart"),
            Type("Article", "TitlePart", "AutoroutePart", "HtmlBodyPart", "Article")),
        ["ContentParts"] = new JsonArray(new JsonObject
        {
            ["Name"] = "Article",
            ["ContentPartFieldDefinitionRecords"] = new JsonArray(
                Field("TextField", "Lead"),
                Field("ContentPickerField", "Section", new JsonObject { ["Required"] = true, ["DisplayedContentTypes"] = new JsonArray("Section") }),
                Field(rankFieldKind, "Rank"),
                Field("MediaField", "CoverImage")),
        }),
    };

    public static JsonObject Content(params JsonObject[] items) => new() { ["name"] = "Content", ["Data"] = new JsonArray(items.Select(i => (JsonNode)i.DeepClone()).ToArray()) };

    public static JsonObject Section(string id, string title) => new()
    {
        ["ContentItemId"] = id,
        ["ContentType"] = "Section",
        ["DisplayText"] = title,
        ["Latest"] = true,
        ["Published"] = true,
        ["TitlePart"] = new JsonObject { ["Title"] = title },
    };

    public static JsonObject Article(string id, string title, string section = "sec-news", double rank = 1, bool published = true) => new()
    {
        ["ContentItemId"] = id,
        ["ContentType"] = "Article",
        ["DisplayText"] = title,
        ["Latest"] = true,
        ["Published"] = published,
        ["Owner"] = "[js: parameters('AdminUserId')]",
        ["CreatedUtc"] = "2026-02-01T08:00:00Z",
        ["PublishedUtc"] = published ? "2026-02-01T09:00:00Z" : null,
        ["TitlePart"] = new JsonObject { ["Title"] = title },
        ["HtmlBodyPart"] = new JsonObject { ["Html"] = $"<p>{title}, in full.</p>" },
        ["Article"] = new JsonObject
        {
            ["Lead"] = new JsonObject { ["Text"] = $"{title}: the lead." },
            ["Section"] = new JsonObject { ["ContentItemIds"] = new JsonArray(section) },
            ["Rank"] = new JsonObject { ["Value"] = rank },
        },
    };

    public static JsonObject MediaStep(params JsonObject[] files) => new() { ["name"] = "Media", ["Files"] = new JsonArray(files.Select(f => (JsonNode)f.DeepClone()).ToArray()) };

    /// <summary>Two sections and three articles (two published, one draft).</summary>
    public static JsonObject NewsContent() => Content(
        Section("sec-news", "News"),
        Section("sec-culture", "Culture"),
        Article("article-1", "Grid upgrade", "sec-news", 3),
        Article("article-2", "Festival season", "sec-culture", 2),
        Article("article-3", "Budget draft", "sec-news", 1, published: false));

    private static JsonObject Type(string name, params string[] parts) => new()
    {
        ["Name"] = name,
        ["DisplayName"] = name,
        ["Settings"] = new JsonObject { ["ContentTypeSettings"] = new JsonObject { ["Creatable"] = true, ["Draftable"] = true, ["Versionable"] = true } },
        ["ContentTypePartDefinitionRecords"] = new JsonArray(parts.Select(p => (JsonNode)new JsonObject
        {
            ["PartName"] = p,
            ["Name"] = p,
            ["Settings"] = p == "AutoroutePart"
                ? new JsonObject { ["AutoroutePartSettings"] = new JsonObject { ["Pattern"] = name.ToLowerInvariant() + "s/{{ ContentItem.DisplayText | slugify }}" } }
                : new JsonObject(),
        }).ToArray()),
    };

    private static JsonObject Field(string kind, string name, JsonObject? kindSettings = null) => new()
    {
        ["FieldName"] = kind,
        ["Name"] = name,
        ["Settings"] = new JsonObject { [kind + "Settings"] = kindSettings ?? [] },
    };
}
