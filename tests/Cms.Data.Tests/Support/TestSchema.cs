using System.Text.Json.Nodes;

namespace Cms.Data.Tests.Support;

/// <summary>
/// The content definitions the store tests run on: a versioned Article with one field of each indexed kind, and a
/// Note that is neither draftable nor versionable (saved in place and published at once).
/// </summary>
public static class TestSchema
{
    public static JsonObject Definitions() => JsonNode.Parse("""
        {
          "ContentTypes": [
            {
              "Name": "Article",
              "Settings": { "ContentTypeSettings": { "Creatable": true, "Listable": true, "Draftable": true, "Versionable": true } },
              "ContentTypePartDefinitionRecords": [
                { "PartName": "TitlePart", "Name": "TitlePart" },
                { "PartName": "AutoroutePart", "Name": "AutoroutePart", "Settings": { "AutoroutePartSettings": { "Pattern": "articles/{{ ContentItem.DisplayText | slugify }}" } } },
                { "PartName": "HtmlBodyPart", "Name": "HtmlBodyPart" },
                { "PartName": "Article", "Name": "Article" }
              ]
            },
            {
              "Name": "Note",
              "Settings": { "ContentTypeSettings": { "Creatable": true, "Listable": true, "Draftable": false, "Versionable": false } },
              "ContentTypePartDefinitionRecords": [
                { "PartName": "TitlePart", "Name": "TitlePart" },
                { "PartName": "Note", "Name": "Note" }
              ]
            }
          ],
          "ContentParts": [
            {
              "Name": "Article",
              "ContentPartFieldDefinitionRecords": [
                { "FieldName": "TextField", "Name": "Lead" },
                { "FieldName": "ContentPickerField", "Name": "Section", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Section" }, "ContentPickerFieldSettings": { "Required": true, "Multiple": false } } },
                { "FieldName": "ContentPickerField", "Name": "Authors", "Settings": { "ContentPickerFieldSettings": { "Multiple": true } } },
                { "FieldName": "NumericField", "Name": "Rank" },
                { "FieldName": "BooleanField", "Name": "Featured" },
                { "FieldName": "DateTimeField", "Name": "EventDate" },
                { "FieldName": "TagsField", "Name": "Tags" }
              ]
            },
            {
              "Name": "Note",
              "ContentPartFieldDefinitionRecords": [
                { "FieldName": "TextField", "Name": "Body" },
                { "FieldName": "NumericField", "Name": "Priority" }
              ]
            }
          ]
        }
        """)!.AsObject();

    public static Cms.Core.Content.ContentItem Note(string title, string body, double priority) => new()
    {
        ContentType = "Note",
        Content = new JsonObject
        {
            ["TitlePart"] = new JsonObject { ["Title"] = title },
            ["Note"] = new JsonObject
            {
                ["Body"] = new JsonObject { ["Text"] = body },
                ["Priority"] = new JsonObject { ["Value"] = priority },
            },
        },
    };
}
