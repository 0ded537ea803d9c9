using System.Text.Json.Nodes;
using Cms.Core.Content;
using Cms.Core.Metadata;
using Cms.Core.Tests.Builders;

namespace Cms.Core.Tests.Metadata;

public sealed class ContentDefinitionJsonTests
{
    private const string RecipeShape = """
        {
          "ContentTypes": [
            {
              "Name": "Article",
              "DisplayName": "News article",
              "Settings": { "ContentTypeSettings": { "Creatable": true, "Listable": "true", "Draftable": true, "Versionable": true, "Securable": false } },
              "ContentTypePartDefinitionRecords": [
                { "PartName": "TitlePart", "Name": "TitlePart" },
                { "PartName": "AutoroutePart", "Name": "AutoroutePart", "Settings": { "AutoroutePartSettings": { "Pattern": "articles/{{ ContentItem.DisplayText | slugify }}" } } },
                { "PartName": "Article", "Name": "Article", "Settings": { "ContentTypePartSettings": { "Position": "2" } } },
                { "PartName": "Byline", "Name": "Byline", "Settings": { "GraphQLContentTypePartSettings": { "Collapse": true } } }
              ]
            }
          ],
          "ContentParts": [
            {
              "Name": "Article",
              "ContentPartFieldDefinitionRecords": [
                { "FieldName": "TextField", "Name": "Lead" },
                { "FieldName": "ContentPickerField", "Name": "Section", "Settings": { "ContentPickerFieldSettings": { "Required": true, "Multiple": false, "DisplayedContentTypes": ["Section"] } } }
              ]
            },
            { "Name": "Byline", "ContentPartFieldDefinitionRecords": [ { "FieldName": "TextField", "Name": "Credit" } ] }
          ]
        }
        """;

    [Fact]
    public void Apply_reads_types_parts_and_fields_in_the_recipe_shape()
    {
        var set = Apply(RecipeShape);

        var article = Assert.IsType<ContentTypeDefinition>(set.FindType("Article"));
        Assert.Equal("News article", article.DisplayName);
        Assert.True(article.Settings.Creatable);
        Assert.True(article.Settings.Listable);
        Assert.True(article.Settings.Draftable);
        Assert.True(article.Settings.Versionable);
        Assert.False(article.Settings.Securable);
        Assert.Equal(["TitlePart", "AutoroutePart", "Article", "Byline"], article.Parts.Select(p => p.Name));
        Assert.Equal(2, article.FindPart("Article")!.Position);
        Assert.True(article.FindPart("Article")!.IsCollapsed("Article"));
        Assert.True(article.FindPart("Byline")!.IsCollapsed("Article"));
        Assert.False(article.FindPart("TitlePart")!.IsCollapsed("Article"));

        var part = Assert.IsType<ContentPartDefinition>(set.FindPart("Article"));
        Assert.Equal(["Lead", "Section"], part.Fields.Select(f => f.Name));
        var section = part.FindField("Section")!;
        Assert.Equal("ContentPickerField", section.FieldName);
        Assert.True(section.Required);
        Assert.Equal(["Section"], Cms.Core.Fields.ContentPickerFieldKind.AllowedTypes(section.KindSettings));
        Assert.Equal(
            [("Article", "Lead"), ("Article", "Section"), ("Byline", "Credit")],
            set.FieldsOf(article).Select(f => (f.Part.Name, f.Field.Name)).OrderBy(f => f.Item1, StringComparer.Ordinal));
    }

    [Fact]
    public void Applying_the_same_definitions_twice_changes_nothing()
    {
        var once = Apply(RecipeShape);
        var twice = ContentDefinitionJson.Apply(once, JsonNode.Parse(RecipeShape)!.AsObject(), DefinitionBuilder.FieldKinds, "$");

        Assert.True(JsonNode.DeepEquals(ContentDefinitionJson.ToJson(once), ContentDefinitionJson.ToJson(twice)));
    }

    [Fact]
    public void A_type_is_replaced_whole_by_name()
    {
        var first = new DefinitionBuilder().Type("Article", ["TitlePart", "HtmlBodyPart"]).Apply();
        var second = new DefinitionBuilder().Type("Article", ["TitlePart"]).Apply(first);

        Assert.Equal(["TitlePart"], second.FindType("Article")!.Parts.Select(p => p.Name));
        Assert.Equal(["TitlePart", "HtmlBodyPart"], first.FindType("Article")!.Parts.Select(p => p.Name));
    }

    [Fact]
    public void Stored_definitions_read_back_with_their_serial()
    {
        var set = Apply(RecipeShape) with { Serial = 7 };

        var read = ContentDefinitionJson.FromJson(ContentDefinitionJson.ToJson(set), DefinitionBuilder.FieldKinds);

        Assert.Equal(7, read.Serial);
        Assert.True(JsonNode.DeepEquals(ContentDefinitionJson.ToJson(set), ContentDefinitionJson.ToJson(read)));
    }

    [Fact]
    public void A_named_part_without_fields_is_declared_implicitly()
    {
        var set = new DefinitionBuilder().Type("Page", ["TitlePart", "Page"]).Apply();

        Assert.NotNull(set.FindPart("Page"));
        Assert.Empty(set.FindPart("Page")!.Fields);
    }

    [Fact]
    public void Unknown_field_type_is_refused_at_its_path()
    {
        var step = new DefinitionBuilder().Part("Article", ("Lead", "TextField"), ("Mood", "EmojiField")).Build();

        var error = Assert.Single(Errors(step));

        Assert.Equal("$.ContentParts[0].ContentPartFieldDefinitionRecords[1].FieldName", error.Path);
        Assert.Contains("unknown field type 'EmojiField'", error.Message, StringComparison.Ordinal);
        Assert.Contains("TextField", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1Article")]
    [InlineData("News Article")]
    [InlineData("news-article")]
    [InlineData("Article;DROP")]
    [InlineData("AVeryLongTypeNameThatGoesOnAndOnForMoreThanSixtyFourCharactersXYZW")]
    public void Bad_type_names_are_refused(string name)
    {
        var step = new DefinitionBuilder().Type(name, ["TitlePart"]).Build();

        var error = Assert.Single(Errors(step));

        Assert.Equal("$.ContentTypes[0].Name", error.Path);
        Assert.Contains("technical name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_field_name_is_refused_at_its_path()
    {
        var step = new DefinitionBuilder().Part("Article", ("Lead text", "TextField")).Build();

        var error = Assert.Single(Errors(step));

        Assert.Equal("$.ContentParts[0].ContentPartFieldDefinitionRecords[0].Name", error.Path);
    }

    [Fact]
    public void A_field_defined_twice_is_refused()
    {
        var step = new DefinitionBuilder().Part("Article", ("Lead", "TextField"), ("Lead", "HtmlField")).Build();

        var error = Assert.Single(Errors(step));

        Assert.Equal("$.ContentParts[0].ContentPartFieldDefinitionRecords[1].Name", error.Path);
        Assert.Contains("defined twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_part_attached_twice_to_a_type_is_refused()
    {
        var step = new DefinitionBuilder().Type("Article", ["TitlePart", "TitlePart"]).Build();

        var error = Assert.Single(Errors(step));

        Assert.Equal("$.ContentTypes[0].ContentTypePartDefinitionRecords[1].Name", error.Path);
    }

    [Fact]
    public void An_unknown_Part_is_refused()
    {
        var step = new DefinitionBuilder().Type("Article", ["TitlePart", "CommentsPart"]).Build();

        var error = Assert.Single(Errors(step));

        Assert.Equal("$.ContentTypes[0].ContentTypePartDefinitionRecords[1].PartName", error.Path);
        Assert.Contains("unknown part 'CommentsPart'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_built_in_part_cannot_be_redefined_with_fields()
    {
        var step = new DefinitionBuilder().Part("TitlePart", ("Subtitle", "TextField")).Build();

        var error = Assert.Single(Errors(step));

        Assert.Equal("$.ContentParts[0].Name", error.Path);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_and_nothing_is_applied()
    {
        var step = new DefinitionBuilder()
            .Type("Good", ["TitlePart"])
            .Type("bad name", ["TitlePart"])
            .Part("Article", ("Mood", "EmojiField"))
            .Build();

        var errors = Errors(step);

        Assert.Equal(["$.ContentParts[0].ContentPartFieldDefinitionRecords[0].FieldName", "$.ContentTypes[1].Name"], errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Sections_that_are_not_arrays_are_refused()
    {
        var step = JsonNode.Parse("""{ "ContentTypes": { "Name": "Article" } }""")!.AsObject();

        var error = Assert.Single(Errors(step));

        Assert.Equal("$.ContentTypes", error.Path);
    }

    private static ContentDefinitionSet Apply(string json) =>
        ContentDefinitionJson.Apply(ContentDefinitionSet.Empty, JsonNode.Parse(json)!.AsObject(), DefinitionBuilder.FieldKinds, "$");

    private static IReadOnlyList<ContentValidationError> Errors(JsonObject step) =>
        Assert.Throws<ContentValidationException>(() => ContentDefinitionJson.Apply(ContentDefinitionSet.Empty, step, DefinitionBuilder.FieldKinds, "$")).Errors;
}
