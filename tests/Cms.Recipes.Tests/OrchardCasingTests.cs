using Cms.Core.Content;
using Cms.Core.Fields;
using Cms.Core.Queries;
using Cms.Recipes.Tests.Support;

namespace Cms.Recipes.Tests;

/// <summary>Recipes written the way Orchard Core writes them (camel-case step properties, lower-case step names) run unchanged.</summary>
public sealed class OrchardCasingTests : RecipeTestBase
{
    // Shaped like an Orchard Core export: "name"/"steps"/"data" in camel case, step names in lower case, items and
    // definitions in Pascal case; the second item is written entirely in camel case, as a hand-written recipe may be.
    private const string OrchardRecipe = """
        {
          "name": "OrchardExport",
          "displayName": "Exported from Orchard Core",
          "issetuprecipe": false,
          "variables": { "sectionId": "[js: uuid()]" },
          "steps": [
            { "name": "settings", "siteName": "Orchard Daily", "timeZone": "Europe/Paris" },
            {
              "name": "contentdefinition",
              "contentTypes": [
                {
                  "Name": "Section", "DisplayName": "Section",
                  "Settings": { "ContentTypeSettings": { "Creatable": true, "Draftable": true, "Versionable": true } },
                  "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart", "Settings": {} } ]
                },
                {
                  "Name": "Article", "DisplayName": "Article",
                  "Settings": { "ContentTypeSettings": { "Creatable": true, "Draftable": true, "Versionable": true } },
                  "ContentTypePartDefinitionRecords": [
                    { "PartName": "TitlePart", "Name": "TitlePart", "Settings": {} },
                    { "PartName": "HtmlBodyPart", "Name": "HtmlBodyPart", "Settings": {} },
                    { "PartName": "Article", "Name": "Article", "Settings": {} }
                  ]
                }
              ],
              "contentParts": [
                {
                  "Name": "Article",
                  "ContentPartFieldDefinitionRecords": [
                    { "FieldName": "TextField", "Name": "Lead", "Settings": {} },
                    { "FieldName": "ContentPickerField", "Name": "Section", "Settings": { "ContentPickerFieldSettings": { "DisplayedContentTypes": [ "Section" ] } } }
                  ]
                }
              ]
            },
            {
              "name": "content",
              "data": [
                {
                  "ContentItemId": "[js: variables('sectionId')]",
                  "ContentType": "Section",
                  "DisplayText": "World",
                  "Latest": true,
                  "Published": true,
                  "TitlePart": { "Title": "World" }
                },
                {
                  "contentItemId": "orchard-article-1",
                  "contentType": "Article",
                  "latest": true,
                  "published": true,
                  "owner": "[js: parameters('AdminUserId')]",
                  "publishedUtc": "2026-03-01T09:00:00Z",
                  "titlePart": { "title": "Ports reopen after the storm" },
                  "htmlBodyPart": { "html": "<p>Ships are moving again.</p>" },
                  "article": {
                    "lead": { "text": "Ships are moving again." },
                    "section": { "contentItemIds": [ "[js: variables('sectionId')]" ] }
                  }
                }
              ]
            }
          ]
        }
        """;

    [Fact]
    public async Task A_recipe_in_Orchard_Cores_own_casing_applies_every_step()
    {
        var result = await RunAsync(OrchardRecipe);

        Assert.Equal(("OrchardExport", 3), (result.Name, result.Steps));
        var settings = await SettingsAsync();
        Assert.Equal(("Orchard Daily", "Europe/Paris"), (settings.SiteName, settings.TimeZone));
        Assert.Equal(["Lead", "Section"], (await DefinitionsAsync()).FindPart("Article")!.Fields.Select(f => f.Name));

        var article = (await GetAsync("orchard-article-1", VersionOptions.Published))!;
        Assert.Equal("Ports reopen after the storm", article.DisplayText);
        Assert.Equal("admin-id", article.Owner);
        Assert.Equal(new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc), article.PublishedUtc);
        Assert.Equal("<p>Ships are moving again.</p>", article.Part("HtmlBodyPart")!["Html"]!.GetValue<string>());
        Assert.Equal("Ships are moving again.", article.Part("Article")!["Lead"]!["Text"]!.GetValue<string>());

        // The camel-case picker was stored under its real names: the article is found through its section's index row.
        var section = Assert.Single((await QueryAsync(new ContentQuery { ContentType = "Section" })).Items);
        var inSection = await QueryAsync(new ContentQuery
        {
            ContentType = "Article",
            Where = new FieldFilter(FieldIndexKind.ContentPicker, "Article", "Section", FilterOperator.Equal, section.ContentItemId),
        });
        Assert.Equal("orchard-article-1", Assert.Single(inSection.Items).ContentItemId);
    }

    [Fact]
    public async Task A_part_given_twice_in_different_casing_is_refused_and_changes_nothing()
    {
        var twice = OrchardRecipe.Replace(
            "\"titlePart\": { \"title\": \"Ports reopen after the storm\" },",
            "\"titlePart\": { \"title\": \"Ports reopen after the storm\" }, \"TitlePart\": { \"Title\": \"Another title\" },",
            StringComparison.Ordinal);

        var error = await FailsWithoutChangesAsync(twice);

        Assert.Equal("$.steps[2].data[1]", error.JsonPath);
        Assert.Contains("'TitlePart' appears twice in different casing", error.Message, StringComparison.Ordinal);
    }
}
