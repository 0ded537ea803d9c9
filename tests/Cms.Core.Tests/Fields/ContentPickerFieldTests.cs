using Cms.Core.Fields;
using Cms.Core.Tests.Builders;

namespace Cms.Core.Tests.Fields;

public sealed class ContentPickerFieldTests
{
    [Fact]
    public void Each_reference_gets_an_index_row()
    {
        var check = FieldCheck.Of(new ContentPickerFieldKind()).Multiple(true);
        var (value, errors) = check.Normalize("""{ "ContentItemIds": ["author-01", "author-02"] }""");

        Assert.Empty(errors);
        var entries = check.Index(value);
        Assert.Equal(["author-01", "author-02"], entries.Select(e => e.ContentItemId));
        Assert.All(entries, e => Assert.Equal(FieldIndexKind.ContentPicker, e.Kind));
    }

    [Fact]
    public void A_stored_value_that_repeats_a_reference_still_gets_one_index_row_for_it()
    {
        // Normalizing drops repeats, but the index is also built from stored values; two rows for one reference would list
        // the item twice among "the newest that pick it".
        var value = System.Text.Json.Nodes.JsonNode.Parse("""{ "ContentItemIds": ["author-01", "author-01", "author-02"] }""")!.AsObject();

        var entries = new ContentPickerFieldKind().Index(value, "Article", "Authors");

        Assert.Equal(["author-01", "author-02"], entries.Select(e => e.ContentItemId));
    }

    [Fact]
    public void Duplicate_and_blank_references_are_dropped()
    {
        var (value, errors) = FieldCheck.Of(new ContentPickerFieldKind()).Multiple(true)
            .Normalize("""{ "ContentItemIds": ["author-01", "", "author-01", "  ", "author-02"] }""");

        Assert.Empty(errors);
        Assert.Equal(["author-01", "author-02"], value["ContentItemIds"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public void A_single_picker_takes_one_item()
    {
        var (_, errors) = FieldCheck.Of(new ContentPickerFieldKind()).Named("Section").Multiple(false)
            .Normalize("""{ "ContentItemIds": ["sec-news", "sec-culture"] }""");

        var error = Assert.Single(errors);
        Assert.Equal("$.Article.Field.ContentItemIds", error.Path);
        Assert.Equal("'Section' takes one item, not 2.", error.Message);
    }

    [Fact]
    public void A_picker_is_single_unless_settings_say_multiple()
    {
        var (_, errors) = FieldCheck.Of(new ContentPickerFieldKind()).Normalize("""{ "ContentItemIds": ["a", "b"] }""");

        Assert.Single(errors);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{ "ContentItemIds": [] }""")]
    [InlineData("""{ "ContentItemIds": [""] }""")]
    public void A_required_picker_needs_an_item(string json)
    {
        var (_, errors) = FieldCheck.Of(new ContentPickerFieldKind()).Named("Authors").Multiple(true).Required().Normalize(json);

        Assert.Equal("'Authors' is required.", Assert.Single(errors).Message);
    }

    [Theory]
    [InlineData("""{ "ContentItemIds": "sec-news" }""")]
    [InlineData("""{ "ContentItemIds": [1, 2] }""")]
    public void References_must_be_an_array_of_ids(string json)
    {
        var (_, errors) = FieldCheck.Of(new ContentPickerFieldKind()).Normalize(json);

        Assert.Equal("must be an array of content item ids.", Assert.Single(errors).Message);
    }

    [Fact]
    public void Too_many_references_are_refused()
    {
        var ids = string.Join(", ", Enumerable.Range(0, ContentPickerFieldKind.MaxItems + 1).Select(i => $"\"item-{i}\""));

        var (_, errors) = FieldCheck.Of(new ContentPickerFieldKind()).Multiple(true).Normalize($$"""{ "ContentItemIds": [{{ids}}] }""");

        Assert.Contains("at most", Assert.Single(errors).Message, StringComparison.Ordinal);
    }
}
