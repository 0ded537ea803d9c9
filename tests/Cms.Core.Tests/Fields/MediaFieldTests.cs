using Cms.Core.Fields;
using Cms.Core.Tests.Builders;

namespace Cms.Core.Tests.Fields;

public sealed class MediaFieldTests
{
    [Fact]
    public void Paths_with_texts_anchors_captions_and_credits_are_accepted()
    {
        var check = FieldCheck.Of(new MediaFieldKind());
        var (value, errors) = check.Normalize("""
            {
              "Paths": ["covers/harbour.jpg"],
              "MediaTexts": ["Boats in the harbour at dawn"],
              "Anchors": [{ "X": 0.5, "Y": 0.25 }],
              "Captions": ["The harbour"],
              "Credits": ["Photo: Staff"],
              "Crops": [{ "card": { "X": 0.1, "Y": 0.2, "Width": 0.5, "Height": 0.28125 } }]
            }
            """);

        Assert.Empty(errors);
        // Each path is indexed so the media library can tell where a file is used.
        Assert.Equal(["covers/harbour.jpg"], check.Index(value).Select(e => e.Text));
    }

    [Theory]
    [InlineData("""[{ "card": { "X": 0.6, "Y": 0, "Width": 0.5, "Height": 0.5 } }]""", "Crops[0].card")]
    [InlineData("""[{ "Card": { "X": 0, "Y": 0, "Width": 0.5, "Height": 0.5 } }]""", "Crops[0].Card")]
    [InlineData("""[{ "card": { "X": 0, "Y": 0, "Width": 0, "Height": 0.5 } }]""", "Crops[0].card")]
    [InlineData("""[null, null]""", "Crops")]
    [InlineData("""{ "card": {} }""", "Crops")]
    public void Crop_rectangles_must_stay_inside_the_image(string crops, string path)
    {
        var check = FieldCheck.Of(new MediaFieldKind());

        var (_, errors) = check.Normalize($$"""{ "Paths": ["covers/harbour.jpg"], "Crops": {{crops}} }""");

        Assert.Contains(errors, e => e.Path.EndsWith(path, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("covers/../../keys/key.xml")]
    [InlineData("/etc/passwd")]
    [InlineData("covers\\harbour.jpg")]
    [InlineData("C:/Windows/win.ini")]
    [InlineData("covers//harbour.jpg")]
    [InlineData("./harbour.jpg")]
    [InlineData("")]
    public void Unsafe_media_paths_are_refused(string path)
    {
        var value = new System.Text.Json.Nodes.JsonObject { ["Paths"] = new System.Text.Json.Nodes.JsonArray(path) };

        var error = Assert.Single(FieldCheck.Of(new MediaFieldKind()).Normalize(value));

        Assert.Equal("$.Article.Field.Paths[0]", error.Path);
        Assert.False(MediaFieldKind.IsSafeMediaPath(path));
    }

    [Fact]
    public void More_texts_than_paths_are_refused()
    {
        var (_, errors) = FieldCheck.Of(new MediaFieldKind()).Normalize("""{ "Paths": ["a.jpg"], "MediaTexts": ["one", "two"] }""");

        var error = Assert.Single(errors);
        Assert.Equal("$.Article.Field.MediaTexts", error.Path);
    }

    [Theory]
    [InlineData("""[{ "X": 1.5, "Y": 0.5 }]""")]
    [InlineData("""[{ "X": 0.5 }]""")]
    [InlineData("""[{ "X": "0.5", "Y": 0.5 }]""")]
    public void Anchors_outside_the_image_are_refused(string anchors)
    {
        var (_, errors) = FieldCheck.Of(new MediaFieldKind()).Normalize($$"""{ "Paths": ["a.jpg"], "Anchors": {{anchors}} }""");

        Assert.Equal("$.Article.Field.Anchors[0]", Assert.Single(errors).Path);
    }

    [Fact]
    public void A_single_media_field_takes_one_file()
    {
        var (_, errors) = FieldCheck.Of(new MediaFieldKind()).Multiple(false).Normalize("""{ "Paths": ["a.jpg", "b.jpg"] }""");

        Assert.Equal("$.Article.Field.Paths", Assert.Single(errors).Path);
    }

    [Fact]
    public void A_required_media_field_needs_a_file()
    {
        var (_, errors) = FieldCheck.Of(new MediaFieldKind()).Named("Photo").Required().Normalize("""{ "Paths": [] }""");

        Assert.Equal("'Photo' is required.", Assert.Single(errors).Message);
    }
}
