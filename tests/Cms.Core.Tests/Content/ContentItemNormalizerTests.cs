using System.Text.Json.Nodes;
using Cms.Core.Content;
using Cms.Core.Fields;
using Cms.Core.Html;
using Cms.Core.Metadata;
using Cms.Core.Tests.Builders;

namespace Cms.Core.Tests.Content;

public sealed class ContentItemNormalizerTests
{
    private static readonly ContentDefinitionSet Definitions = new DefinitionBuilder()
        .Type("Article", ["TitlePart", "AutoroutePart", "HtmlBodyPart", "PublishLaterPart", "Article"])
        .Part("Article", ("Lead", "TextField"), ("Bio", "HtmlField"), ("Rank", "NumericField"), ("Tags", "TagsField"), ("Authors", "ContentPickerField"))
        .Apply();

    private readonly ContentItemNormalizer _normalizer = new(
        [new TextFieldKind(), new HtmlFieldKind(), new NumericFieldKind(), new BooleanFieldKind(), new DateTimeFieldKind(),
         new ContentPickerFieldKind(), new MediaFieldKind(), new LinkFieldKind(), new TagsFieldKind()],
        new HtmlSanitizerService());

    private static ContentTypeDefinition Article => Definitions.FindType("Article")!;

    private static ContentItem Item(string parts) => new() { ContentType = "Article", Content = JsonNode.Parse(parts)!.AsObject() };

    [Fact]
    public void Display_text_follows_the_trimmed_title()
    {
        var item = Item("""{ "TitlePart": { "Title": "  Grid upgrade  " } }""");

        _normalizer.Normalize(item, Article, Definitions);

        Assert.Equal("Grid upgrade", item.DisplayText);
        Assert.Equal("Grid upgrade", item.Part("TitlePart")!["Title"]!.GetValue<string>());
    }

    [Fact]
    public void Body_html_is_sanitized_before_it_is_stored()
    {
        var item = Item("""{ "HtmlBodyPart": { "Html": "<p>Text</p><img src=x onerror=alert(1)><script>alert(2)</script><a href='javascript:alert(3)'>x</a>" } }""");

        _normalizer.Normalize(item, Article, Definitions);

        var html = item.Part("HtmlBodyPart")!["Html"]!.GetValue<string>();
        Assert.StartsWith("<p>Text</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Html_fields_are_sanitized_too()
    {
        var item = Item("""{ "Article": { "Bio": { "Html": "<b onclick='x()'>Bio</b>" } } }""");

        _normalizer.Normalize(item, Article, Definitions);

        Assert.Equal("<b>Bio</b>", item.Part("Article")!["Bio"]!["Html"]!.GetValue<string>());
    }

    [Fact]
    public void Index_rows_are_returned_for_indexed_fields_that_are_present()
    {
        var item = Item("""
            { "Article": { "Lead": { "Text": "Standfirst" }, "Rank": { "Value": 2 }, "Tags": { "Tags": ["Grid", "energy"] }, "Authors": { "ContentItemIds": ["a1"] } } }
            """);

        var index = _normalizer.Normalize(item, Article, Definitions);

        Assert.Contains(index, e => e is { Kind: FieldIndexKind.Text, FieldName: "Lead", Text: "Standfirst" });
        Assert.Contains(index, e => e is { Kind: FieldIndexKind.Numeric, FieldName: "Rank", Number: 2 });
        Assert.Contains(index, e => e is { Kind: FieldIndexKind.Text, FieldName: "Tags", Text: "grid" });
        Assert.Contains(index, e => e is { Kind: FieldIndexKind.ContentPicker, FieldName: "Authors", ContentItemId: "a1" });
        Assert.All(index, e => Assert.Equal("Article", e.PartName));
    }

    [Fact]
    public void An_unknown_part_is_refused()
    {
        var error = Assert.Throws<ContentValidationException>(() => _normalizer.Normalize(Item("""{ "CommentsPart": {} }"""), Article, Definitions));

        Assert.Equal("$.CommentsPart", Assert.Single(error.Errors).Path);
    }

    [Fact]
    public void An_unknown_field_is_refused()
    {
        var error = Assert.Throws<ContentValidationException>(() => _normalizer.Normalize(Item("""{ "Article": { "Mood": { "Text": "x" } } }"""), Article, Definitions, "$.Data[4]"));

        var problem = Assert.Single(error.Errors);
        Assert.Equal("$.Data[4].Article.Mood", problem.Path);
        Assert.Contains("Lead", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_value_that_is_not_an_object_is_refused()
    {
        var error = Assert.Throws<ContentValidationException>(() => _normalizer.Normalize(Item("""{ "Article": { "Lead": "Standfirst" } }"""), Article, Definitions));

        Assert.Equal("$.Article.Lead", Assert.Single(error.Errors).Path);
    }

    [Fact]
    public void Every_bad_field_is_reported_at_once()
    {
        var item = Item("""{ "TitlePart": { "Title": 7 }, "Article": { "Rank": { "Value": "high" }, "Tags": { "Tags": "x" } } }""");

        var error = Assert.Throws<ContentValidationException>(() => _normalizer.Normalize(item, Article, Definitions));

        Assert.Equal(["$.Article.Rank.Value", "$.Article.Tags.Tags", "$.TitlePart.Title"], error.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("/Articles/Grid-Upgrade", "articles/grid-upgrade")]
    [InlineData("news/economy/", "news/economy")]
    public void Route_paths_are_normalized(string path, string expected)
    {
        var item = Item($$"""{ "AutoroutePart": { "Path": "{{path}}" } }""");

        _normalizer.Normalize(item, Article, Definitions);

        Assert.Equal(expected, ContentItemNormalizer.PathOf(item, Article));
    }

    [Theory]
    [InlineData("../admin")]
    [InlineData("articles/grid upgrade")]
    public void Bad_route_paths_are_refused(string path)
    {
        var item = Item($$"""{ "AutoroutePart": { "Path": "{{path}}" } }""");

        var error = Assert.Throws<ContentValidationException>(() => _normalizer.Normalize(item, Article, Definitions));

        Assert.Equal("$.AutoroutePart.Path", Assert.Single(error.Errors).Path);
    }

    [Fact]
    public void Scheduled_publish_dates_are_stored_in_utc()
    {
        var item = Item("""{ "PublishLaterPart": { "ScheduledPublishUtc": "2026-05-01T12:00:00+04:00" } }""");

        _normalizer.Normalize(item, Article, Definitions);

        Assert.Equal("2026-05-01T08:00:00.0000000Z", item.Part("PublishLaterPart")!["ScheduledPublishUtc"]!.GetValue<string>());
    }
}
