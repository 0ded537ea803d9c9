using System.Text.Json.Nodes;
using Cms.Core.Content;

namespace Cms.Data.Tests.Support;

/// <summary>Builds an Article of the test schema (<see cref="TestSchema"/>) with only the fields a test cares about.</summary>
public sealed class ArticleBuilder
{
    private readonly JsonObject _article = new() { ["Section"] = new JsonObject { ["ContentItemIds"] = new JsonArray("sec-news") } };
    private readonly JsonObject _content;
    private string? _id;

    private ArticleBuilder(string title)
    {
        _content = new JsonObject
        {
            ["TitlePart"] = new JsonObject { ["Title"] = title },
            ["Article"] = _article,
        };
    }

    public static ArticleBuilder Titled(string title) => new(title);

    public ArticleBuilder WithId(string id)
    {
        _id = id;
        return this;
    }

    public ArticleBuilder InSection(string sectionId) => Field("Section", new JsonObject { ["ContentItemIds"] = new JsonArray(sectionId) });

    public ArticleBuilder WithoutSection() => Field("Section", new JsonObject { ["ContentItemIds"] = new JsonArray() });

    public ArticleBuilder By(params string[] authorIds) =>
        Field("Authors", new JsonObject { ["ContentItemIds"] = new JsonArray(authorIds.Select(a => (JsonNode)a).ToArray()) });

    public ArticleBuilder WithLead(string lead) => Field("Lead", new JsonObject { ["Text"] = lead });

    public ArticleBuilder Ranked(double rank) => Field("Rank", new JsonObject { ["Value"] = rank });

    public ArticleBuilder Featured(bool featured) => Field("Featured", new JsonObject { ["Value"] = featured });

    public ArticleBuilder OnDate(string isoDate) => Field("EventDate", new JsonObject { ["Value"] = isoDate });

    public ArticleBuilder Tagged(params string[] tags) =>
        Field("Tags", new JsonObject { ["Tags"] = new JsonArray(tags.Select(t => (JsonNode)t).ToArray()) });

    public ArticleBuilder WithBody(string html)
    {
        _content["HtmlBodyPart"] = new JsonObject { ["Html"] = html };
        return this;
    }

    public ArticleBuilder WithPath(string path)
    {
        _content["AutoroutePart"] = new JsonObject { ["Path"] = path };
        return this;
    }

    /// <summary>Sets a raw field value, for values of the wrong shape.</summary>
    public ArticleBuilder Field(string name, JsonNode value)
    {
        _article[name] = value;
        return this;
    }

    /// <summary>The parts, as given to <see cref="IContentManager.UpdateAsync"/>.</summary>
    public JsonObject Parts() => (JsonObject)_content.DeepClone();

    public ContentItem Build() => new() { ContentItemId = _id ?? "", ContentType = "Article", Content = Parts() };
}
