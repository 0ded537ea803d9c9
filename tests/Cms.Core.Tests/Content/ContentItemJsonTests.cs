using System.Text.Json.Nodes;
using Cms.Core.Content;

namespace Cms.Core.Tests.Content;

public sealed class ContentItemJsonTests
{
    private static ContentItem Sample() => new()
    {
        ContentItemId = "article-001",
        ContentItemVersionId = "v1",
        ContentType = "Article",
        DisplayText = "Grid upgrade",
        Latest = true,
        Published = true,
        Owner = "user-1",
        Author = "editor",
        CreatedUtc = new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc),
        ModifiedUtc = new DateTime(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc),
        PublishedUtc = new DateTime(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc),
        Content = new JsonObject
        {
            ["TitlePart"] = new JsonObject { ["Title"] = "Grid upgrade" },
            ["Article"] = new JsonObject { ["Section"] = new JsonObject { ["ContentItemIds"] = new JsonArray("sec-energy") } },
        },
    };

    [Fact]
    public void An_item_survives_a_round_trip_through_its_flat_json_text()
    {
        var item = Sample();

        var text = ContentItemJson.ToJson(item).ToJsonString();
        var read = ContentItemJson.FromJson(JsonNode.Parse(text)!.AsObject());

        Assert.Equal(ContentItemJson.ToJson(item).ToJsonString(), ContentItemJson.ToJson(read).ToJsonString());
        Assert.Equal(DateTimeKind.Utc, read.PublishedUtc!.Value.Kind);
        Assert.Equal(item.PublishedUtc, read.PublishedUtc);
    }

    [Fact]
    public void Parts_sit_beside_the_common_properties_as_in_Orchard_Core()
    {
        var json = ContentItemJson.ToJson(Sample());

        Assert.Equal("article-001", json["ContentItemId"]!.GetValue<string>());
        Assert.Equal("Grid upgrade", json["TitlePart"]!["Title"]!.GetValue<string>());
        Assert.Equal("sec-energy", json["Article"]!["Section"]!["ContentItemIds"]![0]!.GetValue<string>());
    }

    [Fact]
    public void Reading_copies_the_parts()
    {
        var json = ContentItemJson.ToJson(Sample());
        var read = ContentItemJson.FromJson(json);

        json["TitlePart"]!["Title"] = "Changed";

        Assert.Equal("Grid upgrade", read.Part("TitlePart")!["Title"]!.GetValue<string>());
    }

    [Fact]
    public void Dates_with_offsets_are_read_as_utc()
    {
        var read = ContentItemJson.FromJson(JsonNode.Parse("""{ "ContentType": "Article", "CreatedUtc": "2026-03-01T12:00:00+04:00" }""")!.AsObject());

        Assert.Equal(new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc), read.CreatedUtc);
        Assert.Equal(DateTimeKind.Utc, read.CreatedUtc!.Value.Kind);
    }

    [Fact]
    public void Missing_common_properties_are_left_empty()
    {
        var read = ContentItemJson.FromJson(JsonNode.Parse("""{ "ContentType": "Article", "TitlePart": { "Title": "x" } }""")!.AsObject());

        Assert.Equal("", read.ContentItemId);
        Assert.False(read.Published);
        Assert.Null(read.CreatedUtc);
        Assert.Equal("x", read.Part("TitlePart")!["Title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{ "ContentType": "Article", "TitlePart": "Grid" }""", "$.Data[3].TitlePart")]
    [InlineData("""{ "ContentType": "Article", "Published": "yes" }""", "$.Data[3].Published")]
    [InlineData("""{ "ContentType": 5 }""", "$.Data[3].ContentType")]
    [InlineData("""{ "ContentType": "Article", "CreatedUtc": "yesterday" }""", "$.Data[3].CreatedUtc")]
    public void Bad_shapes_are_refused_at_their_path(string json, string path)
    {
        var error = Assert.Throws<ContentValidationException>(() => ContentItemJson.FromJson(JsonNode.Parse(json)!.AsObject(), "$.Data[3]"));

        Assert.Equal(path, Assert.Single(error.Errors).Path);
    }
}
