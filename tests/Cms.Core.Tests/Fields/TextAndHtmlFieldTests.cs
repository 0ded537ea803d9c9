using System.Text.Json.Nodes;
using Cms.Core.Fields;
using Cms.Core.Tests.Builders;

namespace Cms.Core.Tests.Fields;

public sealed class TextAndHtmlFieldTests
{
    [Fact]
    public void Text_is_kept_and_indexed()
    {
        var check = FieldCheck.Of(new TextFieldKind());
        var (value, errors) = check.Normalize("""{ "Text": "Grid upgrade" }""");

        Assert.Empty(errors);
        var entry = Assert.Single(check.Index(value));
        Assert.Equal(FieldIndexKind.Text, entry.Kind);
        Assert.Equal("Grid upgrade", entry.Text);
        Assert.Equal(("Article", "Field"), (entry.PartName, entry.FieldName));
    }

    [Theory]
    [InlineData("""{ "Text": 42 }""", "must be a string.")]
    [InlineData("""{ "Text": ["a"] }""", "must be a string.")]
    public void Text_of_the_wrong_shape_is_refused(string json, string message)
    {
        var (_, errors) = FieldCheck.Of(new TextFieldKind()).Normalize(json);

        var error = Assert.Single(errors);
        Assert.Equal("$.Article.Field.Text", error.Path);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Text_longer_than_the_limit_is_refused()
    {
        var value = new JsonObject { ["Text"] = new string('a', TextFieldKind.MaxLength + 1) };

        var error = Assert.Single(FieldCheck.Of(new TextFieldKind()).Normalize(value));

        Assert.Contains("longer than", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{ "Text": null }""")]
    [InlineData("""{ "Text": "   " }""")]
    public void Required_text_must_have_a_value(string json)
    {
        var (_, errors) = FieldCheck.Of(new TextFieldKind()).Named("Lead").Required().Normalize(json);

        var error = Assert.Single(errors);
        Assert.Equal("$.Article.Field.Text", error.Path);
        Assert.Equal("'Lead' is required.", error.Message);
    }

    [Fact]
    public void Optional_text_may_be_empty()
    {
        var (_, errors) = FieldCheck.Of(new TextFieldKind()).Normalize("{}");

        Assert.Empty(errors);
    }

    [Fact]
    public void Html_is_sanitized_and_not_indexed()
    {
        var check = FieldCheck.Of(new HtmlFieldKind());
        var (value, errors) = check.Normalize("""{ "Html": "<p onclick=\"steal()\">Bio</p><script>steal()</script>" }""");

        Assert.Empty(errors);
        Assert.Equal("<p>Bio</p>", value["Html"]!.GetValue<string>());
        Assert.Empty(check.Index(value));
    }

    [Fact]
    public void Required_html_that_is_empty_is_refused()
    {
        var (_, errors) = FieldCheck.Of(new HtmlFieldKind()).Required().Normalize("""{ "Html": "" }""");

        Assert.Equal("$.Article.Field.Html", Assert.Single(errors).Path);
    }

    [Fact]
    public void Html_that_is_not_a_string_is_refused()
    {
        var (_, errors) = FieldCheck.Of(new HtmlFieldKind()).Normalize("""{ "Html": { "p": 1 } }""");

        Assert.Equal("must be a string.", Assert.Single(errors).Message);
    }
}
