using System.Text.Json.Nodes;

namespace Cms.Preview.Tests.Support;

/// <summary>Article JSON as the editor posts it (the shape <c>/api/content</c> takes), on the sample newsroom.</summary>
public static class Drafts
{
    public const string Script = "<script>alert('x')</script>";

    public static JsonObject Article(string title, string? id = null) => new()
    {
        ["ContentItemId"] = id,
        ["ContentType"] = "Article",
        ["TitlePart"] = new JsonObject { ["Title"] = title },
        ["HtmlBodyPart"] = new JsonObject
        {
            ["Html"] = "<h2>What changes</h2><p>Grid operators will publish hourly prices from March. " + Script
                + "<a href=\"https://example.org/grid\">The operator's note</a> explains the method.</p>",
        },
        ["Article"] = new JsonObject
        {
            ["Lead"] = new JsonObject { ["Text"] = "Hourly prices arrive for the national grid." },
            ["Section"] = new JsonObject { ["ContentItemIds"] = new JsonArray("sec-energy") },
            ["Authors"] = new JsonObject { ["ContentItemIds"] = new JsonArray("author-01", "author-02") },
            ["CoverImage"] = new JsonObject
            {
                ["Paths"] = new JsonArray("covers/cover-03.jpg"),
                ["MediaTexts"] = new JsonArray("Pylons at dusk"),
                ["Captions"] = new JsonArray("Transmission lines north of the capital."),
                ["Credits"] = new JsonArray("Photo: newsroom desk"),
            },
            ["Tags"] = new JsonObject { ["Tags"] = new JsonArray("grid", "energy") },
            ["RelatedArticles"] = new JsonObject { ["ContentItemIds"] = new JsonArray("article-009") },
        },
    };
}
