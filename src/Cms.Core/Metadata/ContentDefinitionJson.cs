using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cms.Core.Content;

namespace Cms.Core.Metadata;

/// <summary>
/// Reads and writes content definitions in Orchard Core's recipe shape
/// (<c>ContentTypes[]</c> with <c>ContentTypePartDefinitionRecords</c>, <c>ContentParts[]</c> with
/// <c>ContentPartFieldDefinitionRecords</c>). The stored document uses the same shape.
/// </summary>
public static partial class ContentDefinitionJson
{
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,63}$")]
    private static partial Regex TechnicalName();

    /// <summary>
    /// Applies the types and parts of a <c>ContentDefinition</c> object to <paramref name="current"/>.
    /// Types and parts are replaced whole by name, so applying the same definitions twice changes nothing.
    /// </summary>
    public static ContentDefinitionSet Apply(ContentDefinitionSet current, JsonObject step, IReadOnlySet<string> fieldKinds, string path)
    {
        var errors = new List<ContentValidationError>();
        var result = current;

        var parts = ReadArray(step, "ContentParts", path, errors);
        for (var i = 0; i < parts.Count; i++)
        {
            if (ReadPart(parts[i], $"{path}.ContentParts[{i}]", fieldKinds, errors) is { } part)
            {
                result = result.WithPart(part);
            }
        }

        var types = ReadArray(step, "ContentTypes", path, errors);
        var newTypes = new List<(ContentTypeDefinition Type, string Path)>();
        for (var i = 0; i < types.Count; i++)
        {
            if (ReadType(types[i], $"{path}.ContentTypes[{i}]", errors) is { } type)
            {
                newTypes.Add((type, $"{path}.ContentTypes[{i}]"));
                result = result.WithType(type);
            }
        }

        foreach (var (type, typePath) in newTypes)
        {
            for (var p = 0; p < type.Parts.Length; p++)
            {
                var typePart = type.Parts[p];
                if (BuiltInParts.IsBuiltIn(typePart.PartName) || result.FindPart(typePart.PartName) is not null)
                {
                    continue;
                }

                if (typePart.PartName.EndsWith("Part", StringComparison.Ordinal))
                {
                    errors.Add(new($"{typePath}.ContentTypePartDefinitionRecords[{p}].PartName", $"unknown part '{typePart.PartName}'."));
                }
                else
                {
                    // A type's own part (the "named part") may be declared implicitly, as in Orchard Core.
                    result = result.WithPart(new ContentPartDefinition { Name = typePart.PartName });
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new ContentValidationException(errors);
        }

        return result;
    }

    public static JsonObject ToJson(ContentDefinitionSet set) => new()
    {
        ["Serial"] = set.Serial,
        ["ContentTypes"] = new JsonArray(set.Types.Values.OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => (JsonNode)new JsonObject
        {
            ["Name"] = t.Name,
            ["DisplayName"] = t.DisplayName,
            ["Settings"] = t.RawSettings.DeepClone(),
            ["ContentTypePartDefinitionRecords"] = new JsonArray(t.Parts.Select(p => (JsonNode)new JsonObject
            {
                ["PartName"] = p.PartName,
                ["Name"] = p.Name,
                ["Settings"] = p.Settings.DeepClone(),
            }).ToArray()),
        }).ToArray()),
        ["ContentParts"] = new JsonArray(set.Parts.Values.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => (JsonNode)new JsonObject
        {
            ["Name"] = p.Name,
            ["Settings"] = p.Settings.DeepClone(),
            ["ContentPartFieldDefinitionRecords"] = new JsonArray(p.Fields.Select(f => (JsonNode)new JsonObject
            {
                ["FieldName"] = f.FieldName,
                ["Name"] = f.Name,
                ["Settings"] = f.Settings.DeepClone(),
            }).ToArray()),
        }).ToArray()),
    };

    /// <summary>Reads a stored definition document (trusted: written by <see cref="ToJson"/>).</summary>
    public static ContentDefinitionSet FromJson(JsonObject json, IReadOnlySet<string> fieldKinds)
    {
        var set = Apply(ContentDefinitionSet.Empty, json, fieldKinds, "$");
        return set with { Serial = json["Serial"]?.GetValue<long>() ?? 0 };
    }

    private static List<JsonObject> ReadArray(JsonObject parent, string name, string path, List<ContentValidationError> errors)
    {
        var node = parent[name];
        if (node is null)
        {
            return [];
        }

        if (node is not JsonArray array)
        {
            errors.Add(new($"{path}.{name}", "must be an array."));
            return [];
        }

        var list = new List<JsonObject>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonObject o)
            {
                list.Add(o);
            }
            else
            {
                errors.Add(new($"{path}.{name}[{i}]", "must be an object."));
            }
        }

        return list;
    }

    private static string? ReadName(JsonObject json, string property, string path, List<ContentValidationError> errors)
    {
        var name = json[property] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        if (name is null || !TechnicalName().IsMatch(name))
        {
            errors.Add(new($"{path}.{property}", "must be a technical name: a letter, then letters, digits or '_' (at most 64)."));
            return null;
        }

        return name;
    }

    private static JsonObject ReadSettings(JsonObject json, string path, List<ContentValidationError> errors)
    {
        switch (json["Settings"])
        {
            case null:
                return [];
            case JsonObject settings:
                return (JsonObject)settings.DeepClone();
            default:
                errors.Add(new($"{path}.Settings", "must be an object."));
                return [];
        }
    }

    private static ContentTypeDefinition? ReadType(JsonObject json, string path, List<ContentValidationError> errors)
    {
        var name = ReadName(json, "Name", path, errors);
        var settings = ReadSettings(json, path, errors);
        var typeSettings = settings["ContentTypeSettings"] as JsonObject ?? [];
        var parts = new List<ContentTypePartDefinition>();
        var records = ReadArray(json, "ContentTypePartDefinitionRecords", path, errors);
        for (var i = 0; i < records.Count; i++)
        {
            var recordPath = $"{path}.ContentTypePartDefinitionRecords[{i}]";
            var partName = ReadName(records[i], "PartName", recordPath, errors);
            var partKey = records[i]["Name"] is null ? partName : ReadName(records[i], "Name", recordPath, errors);
            if (partName is null || partKey is null)
            {
                continue;
            }

            if (parts.Any(p => p.Name == partKey))
            {
                errors.Add(new($"{recordPath}.Name", $"the part '{partKey}' is attached twice."));
                continue;
            }

            parts.Add(new ContentTypePartDefinition { Name = partKey, PartName = partName, Settings = ReadSettings(records[i], recordPath, errors) });
        }

        if (name is null)
        {
            return null;
        }

        return new ContentTypeDefinition
        {
            Name = name,
            DisplayName = json["DisplayName"] is JsonValue d && d.GetValueKind() == JsonValueKind.String ? d.GetValue<string>() : name,
            RawSettings = settings,
            Settings = new ContentTypeSettings
            {
                Creatable = Flag(typeSettings, "Creatable"),
                Listable = Flag(typeSettings, "Listable"),
                Draftable = Flag(typeSettings, "Draftable"),
                Versionable = Flag(typeSettings, "Versionable"),
                Securable = Flag(typeSettings, "Securable"),
                Stereotype = typeSettings["Stereotype"] is JsonValue s && s.GetValueKind() == JsonValueKind.String ? s.GetValue<string>() : null,
            },
            Parts = [.. parts],
        };
    }

    private static ContentPartDefinition? ReadPart(JsonObject json, string path, IReadOnlySet<string> fieldKinds, List<ContentValidationError> errors)
    {
        var name = ReadName(json, "Name", path, errors);
        if (name is not null && BuiltInParts.IsBuiltIn(name))
        {
            errors.Add(new($"{path}.Name", $"'{name}' is a built-in part and cannot hold fields."));
            return null;
        }

        var fields = new List<ContentPartFieldDefinition>();
        var records = ReadArray(json, "ContentPartFieldDefinitionRecords", path, errors);
        for (var i = 0; i < records.Count; i++)
        {
            var recordPath = $"{path}.ContentPartFieldDefinitionRecords[{i}]";
            var fieldName = ReadName(records[i], "Name", recordPath, errors);
            var kind = records[i]["FieldName"] is JsonValue k && k.GetValueKind() == JsonValueKind.String ? k.GetValue<string>() : null;
            if (kind is null || !fieldKinds.Contains(kind))
            {
                errors.Add(new($"{recordPath}.FieldName", $"unknown field type '{kind}'; known types: {string.Join(", ", fieldKinds.Order(StringComparer.Ordinal))}."));
                continue;
            }

            if (fieldName is null)
            {
                continue;
            }

            if (fields.Any(f => f.Name == fieldName))
            {
                errors.Add(new($"{recordPath}.Name", $"the field '{fieldName}' is defined twice."));
                continue;
            }

            fields.Add(new ContentPartFieldDefinition { Name = fieldName, FieldName = kind, Settings = ReadSettings(records[i], recordPath, errors) });
        }

        return name is null ? null : new ContentPartDefinition { Name = name, Settings = ReadSettings(json, path, errors), Fields = [.. fields] };
    }

    private static bool Flag(JsonObject settings, string name) => settings[name] switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.True => true,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => string.Equals(v.GetValue<string>(), "true", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
