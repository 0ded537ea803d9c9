using System.Text.Json.Nodes;
using Cms.Core.Fields;
using Cms.Core.Metadata;

namespace Cms.Core.Tests.Builders;

/// <summary>Builds a <c>ContentDefinition</c> step in Orchard Core's recipe shape, one type or part at a time.</summary>
public sealed class DefinitionBuilder
{
    public static readonly IReadOnlySet<string> FieldKinds = new HashSet<string>(StringComparer.Ordinal)
    {
        new TextFieldKind().Name, new HtmlFieldKind().Name, new NumericFieldKind().Name, new BooleanFieldKind().Name,
        new DateTimeFieldKind().Name, new ContentPickerFieldKind().Name, new MediaFieldKind().Name,
        new LinkFieldKind().Name, new TagsFieldKind().Name,
    };

    private readonly JsonArray _types = [];
    private readonly JsonArray _parts = [];

    public DefinitionBuilder Type(string name, string[] parts, bool versionable = true)
    {
        _types.Add(new JsonObject
        {
            ["Name"] = name,
            ["DisplayName"] = name,
            ["Settings"] = new JsonObject
            {
                ["ContentTypeSettings"] = new JsonObject
                {
                    ["Creatable"] = true,
                    ["Listable"] = true,
                    ["Draftable"] = versionable,
                    ["Versionable"] = versionable,
                },
            },
            ["ContentTypePartDefinitionRecords"] = new JsonArray(parts.Select(p => (JsonNode)new JsonObject { ["PartName"] = p, ["Name"] = p }).ToArray()),
        });
        return this;
    }

    /// <summary>A part with fields given as (name, field kind) pairs.</summary>
    public DefinitionBuilder Part(string name, params (string Name, string Kind)[] fields)
    {
        _parts.Add(new JsonObject
        {
            ["Name"] = name,
            ["ContentPartFieldDefinitionRecords"] = new JsonArray(fields.Select(f => (JsonNode)new JsonObject { ["FieldName"] = f.Kind, ["Name"] = f.Name }).ToArray()),
        });
        return this;
    }

    public JsonObject Build() => new() { ["ContentTypes"] = _types.DeepClone(), ["ContentParts"] = _parts.DeepClone() };

    public ContentDefinitionSet Apply(ContentDefinitionSet? current = null) =>
        ContentDefinitionJson.Apply(current ?? ContentDefinitionSet.Empty, Build(), FieldKinds, "$");
}
