using System.Text.Json.Nodes;
using Cms.Core.Content;
using Cms.Core.Metadata;
using Cms.Core.Settings;
using Cms.Core.Storage;
using Cms.GraphQL;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.Extensions.Options;

namespace Cms.Admin.Pages.Admin.Content;

/// <summary>
/// The generated editor: one editor per built-in part and per field, in the type's order, each rendered by the partial
/// the field kind names (<see cref="Cms.Core.Fields.IContentFieldKind.EditorTemplate"/>, by default the kind's name: <c>Editors/TextField.cshtml</c>, ...), so a type a recipe defines gets a working editor without
/// code. Reads go through the content manager (the caller's permissions); saves go through the content API.
/// </summary>
public abstract class EditorPageModel(
    IContentManager content,
    IContentStore store,
    IContentDefinitionManager definitions,
    ISiteSettingsService settings,
    ICompositeViewEngine views,
    IOptions<CmsGraphQLOptions> graphQL,
    ContentItemNormalizer normalizer) : AdminPageModel
{
    public const string EditorsFolder = "/Pages/Admin/Content/Editors/";

    public EditorViewModel Editor { get; private set; } = null!;

    protected IContentManager ContentManager => content;

    protected IContentDefinitionManager Definitions => definitions;

    protected async Task BuildAsync(ContentTypeDefinition type, ContentItem? item, CancellationToken cancellationToken)
    {
        var set = await definitions.GetAsync(cancellationToken);
        var json = item is null
            ? new JsonObject { ["ContentItemId"] = null, ["ContentType"] = type.Name }
            : ContentItemJson.ToJson(item);
        var editors = new List<FieldEditorModel>();
        foreach (var part in type.Parts.OrderBy(p => p.Position))
        {
            var partValue = json[part.Name] as JsonObject;
            if (BuiltInParts.IsBuiltIn(part.PartName))
            {
                editors.Add(new FieldEditorModel
                {
                    Part = part.Name,
                    Kind = part.PartName,
                    DisplayName = part.PartName switch
                    {
                        BuiltInParts.TitlePart => "Title",
                        BuiltInParts.AutoroutePart => "Path",
                        BuiltInParts.HtmlBodyPart => "Body",
                        BuiltInParts.PublishLaterPart => "Publish later",
                        _ => part.PartName,
                    },
                    KindSettings = part.Settings,
                    Value = partValue?.DeepClone(),
                    HasTemplate = HasTemplate(part.PartName),
                });
                continue;
            }

            if (set.FindPart(part.PartName) is not { } definition)
            {
                editors.Add(new FieldEditorModel { Part = part.Name, Kind = part.PartName, DisplayName = part.Name, Value = partValue?.DeepClone(), HasTemplate = false });
                continue;
            }

            foreach (var field in definition.Fields.OrderBy(Position))
            {
                var value = partValue?[field.Name]?.DeepClone();
                var template = normalizer.FindKind(field.FieldName)?.EditorTemplate ?? field.FieldName;
                editors.Add(new FieldEditorModel
                {
                    Part = part.Name,
                    Field = field.Name,
                    Kind = field.FieldName,
                    Template = template,
                    DisplayName = field.DisplayName,
                    Hint = field.KindSettings["Hint"]?.GetValue<string>(),
                    Required = field.Required,
                    KindSettings = (JsonObject)field.KindSettings.DeepClone(),
                    FieldSettings = field.Settings["ContentPartFieldSettings"] as JsonObject is { } general ? (JsonObject)general.DeepClone() : [],
                    Value = value,
                    HasTemplate = HasTemplate(template),
                    ItemTitles = field.FieldName == "ContentPickerField" ? await TitlesAsync(value, cancellationToken) : new Dictionary<string, string>(),
                });
            }
        }

        var everPublished = item is not null && (item.Published || await store.GetAsync(item.ContentItemId, VersionOptions.Published, cancellationToken) is not null);
        Editor = new EditorViewModel
        {
            Type = type,
            ContentItemId = item?.ContentItemId,
            VersionId = item?.ContentItemVersionId,
            DisplayText = item?.DisplayText,
            EverPublished = everPublished,
            ItemJson = json.ToJsonString(),
            Editors = editors,
            TimeZone = (await settings.GetAsync(cancellationToken)).TimeZone,
            WordsPerMinute = graphQL.Value.WordsPerMinute,
        };
    }

    private bool HasTemplate(string kind) =>
        kind.Length > 0 && char.IsAsciiLetter(kind[0]) && kind.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
        && views.GetView(executingFilePath: null, viewPath: EditorsFolder + kind + ".cshtml", isMainPage: false).Success;

    private static int Position(ContentPartFieldDefinition field) =>
        field.Settings["ContentPartFieldSettings"]?["Position"] is JsonValue v && int.TryParse(v.ToString(), out var p) ? p : 0;

    /// <summary>The titles of the picked items the caller may read; others show as unavailable, never their title.</summary>
    private async Task<IReadOnlyDictionary<string, string>> TitlesAsync(JsonNode? value, CancellationToken cancellationToken)
    {
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        if (value?["ContentItemIds"] is not JsonArray ids)
        {
            return titles;
        }

        foreach (var id in ids.Select(i => i?.GetValueKind() == System.Text.Json.JsonValueKind.String ? i.GetValue<string>() : null).OfType<string>().Take(100))
        {
            var item = await content.GetAsync(id, VersionOptions.Latest, cancellationToken)
                ?? await content.GetAsync(id, VersionOptions.Published, cancellationToken);
            if (item is not null)
            {
                titles[id] = item.DisplayText ?? id;
            }
        }

        return titles;
    }
}
