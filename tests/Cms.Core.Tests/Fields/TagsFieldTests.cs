using System.Text.Json.Nodes;
using Cms.Core.Fields;
using Cms.Core.Tests.Builders;

namespace Cms.Core.Tests.Fields;

public sealed class TagsFieldTests
{
    [Fact]
    public void Tags_are_trimmed_lower_cased_and_distinct()
    {
        var check = FieldCheck.Of(new TagsFieldKind());
        var (value, errors) = check.Normalize("""{ "Tags": [" Energy ", "GRID", "energy", "", "Grid"] }""");

        Assert.Empty(errors);
        Assert.Equal(["energy", "grid"], value["Tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        var entries = check.Index(value);
        Assert.Equal(["energy", "grid"], entries.Select(e => e.Text));
        Assert.All(entries, e => Assert.Equal(FieldIndexKind.Text, e.Kind));
    }

    [Fact]
    public void Too_many_tags_are_refused()
    {
        var tags = new JsonArray(Enumerable.Range(0, TagsFieldKind.MaxTags + 1).Select(i => (JsonNode)$"tag-{i}").ToArray());

        var error = Assert.Single(FieldCheck.Of(new TagsFieldKind()).Normalize(new JsonObject { ["Tags"] = tags }));

        Assert.Equal("$.Article.Field.Tags", error.Path);
    }

    [Fact]
    public void A_tag_that_is_too_long_is_refused()
    {
        var value = new JsonObject { ["Tags"] = new JsonArray(new string('x', TagsFieldKind.MaxTagLength + 1)) };

        Assert.Single(FieldCheck.Of(new TagsFieldKind()).Normalize(value));
    }

    [Fact]
    public void Tags_must_be_strings()
    {
        var (_, errors) = FieldCheck.Of(new TagsFieldKind()).Normalize("""{ "Tags": "energy, grid" }""");

        Assert.Equal("must be an array of strings.", Assert.Single(errors).Message);
    }
}
