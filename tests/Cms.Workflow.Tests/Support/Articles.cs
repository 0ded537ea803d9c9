using System.Text.Json.Nodes;

namespace Cms.Workflow.Tests.Support;

/// <summary>Article JSON as a client posts it to /api/content.</summary>
public static class Articles
{
    public static JsonObject New(string title, string body, string? id = null) => new()
    {
        ["ContentItemId"] = id,
        ["ContentType"] = "Article",
        ["TitlePart"] = new JsonObject { ["Title"] = title },
        ["HtmlBodyPart"] = new JsonObject { ["Html"] = body },
        ["Article"] = new JsonObject
        {
            ["Lead"] = new JsonObject { ["Text"] = "A standfirst for " + title },
            ["Section"] = new JsonObject { ["ContentItemIds"] = new JsonArray("section-economy") },
            ["Authors"] = new JsonObject { ["ContentItemIds"] = new JsonArray("author-lale") },
            ["Tags"] = new JsonObject { ["Tags"] = new JsonArray("water") },
        },
    };

    /// <summary>The parts of an item read back from the API, with new values, for an update.</summary>
    public static JsonObject Edit(JsonNode current, string? title = null, string? body = null)
    {
        var item = current.DeepClone().AsObject();
        item.Remove("Workflow");
        if (title is not null)
        {
            item["TitlePart"] = new JsonObject { ["Title"] = title };
        }

        if (body is not null)
        {
            item["HtmlBodyPart"] = new JsonObject { ["Html"] = body };
        }

        return item;
    }
}
