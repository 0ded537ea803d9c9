using System.Net;
using System.Text.Json;
using Cms.Core.Metadata;
using Cms.GraphQL.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Cms.GraphQL.Tests;

public sealed class SchemaShapeTests(GraphQLHost host) : IClassFixture<GraphQLHost>
{
    private async Task<Dictionary<string, JsonElement>> FieldsOfAsync(string type)
    {
        var response = await host.Client.PostAsync("query($name: String!) { __type(name: $name) { name kind fields { name type { name kind ofType { name kind ofType { name kind ofType { name kind ofType { name kind } } } } } args { name type { name kind ofType { name } } } } inputFields { name } enumValues { name } interfaces { name } } }", new { name = type });
        Assert.False(response.HasErrors, response.Text);
        var typeElement = response.Data.GetProperty("__type");
        Assert.NotEqual(JsonValueKind.Null, typeElement.ValueKind);
        var list = typeElement.GetProperty("fields").ValueKind == JsonValueKind.Array ? typeElement.GetProperty("fields") : typeElement.GetProperty("inputFields");
        return list.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f);
    }

    private static string TypeName(JsonElement field)
    {
        var type = field.GetProperty("type");
        var text = "";
        var suffix = "";
        while (type.ValueKind == JsonValueKind.Object)
        {
            var kind = type.GetProperty("kind").GetString();
            if (kind == "NON_NULL")
            {
                suffix = "!" + suffix;
            }
            else if (kind == "LIST")
            {
                text += "[";
                suffix = "]" + suffix;
            }
            else
            {
                return text + type.GetProperty("name").GetString() + suffix;
            }

            type = type.GetProperty("ofType");
        }

        return text + suffix;
    }

    [Fact]
    public async Task Query_has_a_list_and_a_page_field_per_type_and_contentItem()
    {
        var query = await FieldsOfAsync("Query");
        foreach (var name in new[] { "article", "author", "section", "event", "articlePage", "authorPage", "sectionPage", "contentItem" })
        {
            Assert.Contains(name, query.Keys);
        }

        Assert.Equal("[Article!]!", TypeName(query["article"]));
        Assert.Equal("ArticlePage!", TypeName(query["articlePage"]));
        Assert.Equal("ContentItem", TypeName(query["contentItem"]));
        var args = query["article"].GetProperty("args").EnumerateArray().Select(a => a.GetProperty("name").GetString()).ToList();
        Assert.Equal(["status", "where", "orderBy", "first", "skip"], args);
    }

    [Fact]
    public async Task Article_has_common_fields_parts_own_fields_and_computed_fields()
    {
        var article = await FieldsOfAsync("Article");
        foreach (var common in new[] { "contentItemId", "contentItemVersionId", "contentType", "displayText", "published", "latest", "createdUtc", "modifiedUtc", "publishedUtc", "owner", "author" })
        {
            Assert.Contains(common, article.Keys);
        }

        Assert.Equal("TitlePart", TypeName(article["titlePart"]));
        Assert.Equal("AutoroutePart", TypeName(article["autoroutePart"]));
        Assert.Equal("HtmlBodyPart", TypeName(article["htmlBodyPart"]));
        Assert.Equal("String", TypeName(article["lead"]));
        Assert.Equal("ContentPickerField!", TypeName(article["section"]));
        Assert.Equal("ContentPickerField!", TypeName(article["authors"]));
        Assert.Equal("MediaField!", TypeName(article["coverImage"]));
        Assert.Equal("[String!]!", TypeName(article["tags"]));
        Assert.Equal("Int!", TypeName(article["readingMinutes"]));
        Assert.Equal("[Article!]!", TypeName(article["related"]));
        Assert.DoesNotContain("article", article.Keys);
    }

    [Fact]
    public async Task Author_profile_fields_are_collapsed_onto_the_author_type()
    {
        var author = await FieldsOfAsync("Author");
        Assert.Equal("String", TypeName(author["roleLine"]));
        Assert.Equal("HtmlField", TypeName(author["bio"]));
        Assert.Equal("MediaField!", TypeName(author["photo"]));
        Assert.Equal("LinkField", TypeName(author["website"]));
        Assert.DoesNotContain("authorProfile", author.Keys);

        var section = await FieldsOfAsync("Section");
        Assert.Equal("String", TypeName(section["description"]));
        Assert.Equal("Decimal", TypeName(section["menuOrder"]));
        Assert.Equal("ContentPickerField!", TypeName(section["parent"]));

        var events = await FieldsOfAsync("Event");
        Assert.Equal("Boolean", TypeName(events["free"]));
        Assert.Equal("DateTime", TypeName(events["startsUtc"]));
    }

    [Fact]
    public async Task Field_value_types_and_enums_have_the_orchard_shape()
    {
        Assert.Equal(["paths", "urls", "mediaTexts", "anchors", "captions", "credits", "files"], (await FieldsOfAsync("MediaField")).Keys);
        Assert.Equal(["path", "fileName", "url", "mediaText", "anchor", "caption", "credit", "width", "height", "focalPoint", "crop", "srcset"], (await FieldsOfAsync("MediaFile")).Keys);
        Assert.Equal(["contentItemIds", "contentItems"], (await FieldsOfAsync("ContentPickerField")).Keys);
        Assert.Equal(["url", "text"], (await FieldsOfAsync("LinkField")).Keys);
        Assert.Equal(["html"], (await FieldsOfAsync("HtmlField")).Keys);

        var status = await host.Client.PostAsync("{ __type(name: \"Status\") { enumValues { name } } }");
        Assert.Equal(["PUBLISHED", "DRAFT", "LATEST", "ALL"], status.Data.GetProperty("__type").GetProperty("enumValues").EnumerateArray().Select(v => v.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Where_input_offers_operators_on_common_and_own_indexed_fields()
    {
        var where = await FieldsOfAsync("ArticleWhereInput");
        foreach (var name in new[]
        {
            "contentItemId", "contentItemId_not", "contentItemId_in", "contentItemId_not_in",
            "displayText", "displayText_contains", "displayText_not_contains", "displayText_starts_with", "displayText_not_starts_with", "displayText_ends_with", "displayText_not_ends_with",
            "publishedUtc_gt", "publishedUtc_gte", "publishedUtc_lt", "publishedUtc_lte",
            "AND", "OR", "NOT", "autoroutePart", "lead_contains", "tags", "tags_in", "section", "authors", "relatedArticles",
        })
        {
            Assert.Contains(name, where.Keys);
        }

        Assert.DoesNotContain("coverImage", where.Keys);
        var events = await FieldsOfAsync("EventWhereInput");
        Assert.Contains("capacity_gte", events.Keys);
        Assert.Contains("free", events.Keys);
        Assert.Contains("startsUtc_lt", events.Keys);
        var orderBy = await FieldsOfAsync("ArticleOrderByInput");
        Assert.Contains("publishedUtc", orderBy.Keys);
        Assert.Contains("lead", orderBy.Keys);
        Assert.Contains("capacity", (await FieldsOfAsync("EventOrderByInput")).Keys);
    }

    [Fact]
    public async Task A_definition_change_changes_the_schema_without_a_restart()
    {
        var before = await host.Client.PostAsync("{ section(first: 1) { contentItemId kicker } }");
        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Contains(before.ErrorMessages, m => m.Contains("kicker", StringComparison.Ordinal));

        await host.AsSystemAsync(async services =>
        {
            var definitions = services.GetRequiredService<IContentDefinitionManager>();
            var set = await definitions.GetAsync();
            var part = set.FindPart("Section")!;
            var kicker = new ContentPartFieldDefinition { Name = "Kicker", FieldName = "TextField" };
            await definitions.SaveAsync(set.WithPart(part with { Fields = part.Fields.Add(kicker) }));
        });

        var after = await host.Client.PostAsync("{ section(first: 1, where: { kicker_not: \"x\" }) { contentItemId kicker } }");
        Assert.False(after.HasErrors, after.Text);
        var section = Assert.Single(after.Data.GetProperty("section").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, section.GetProperty("kicker").ValueKind);
    }
}
