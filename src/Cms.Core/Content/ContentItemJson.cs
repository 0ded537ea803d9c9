using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cms.Core.Content;

/// <summary>Reads and writes the flat Orchard Core JSON form of a content item.</summary>
public static class ContentItemJson
{
    private static readonly HashSet<string> CommonProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        "ContentItemId", "ContentItemVersionId", "ContentType", "DisplayText", "Latest", "Published",
        "Owner", "OwnerUserName", "Author", "CreatedUtc", "ModifiedUtc", "PublishedUtc", "Id", "Stage", "AssignedTo", "DueUtc",
    };

    public static JsonObject ToJson(ContentItem item)
    {
        var json = new JsonObject
        {
            ["ContentItemId"] = item.ContentItemId,
            ["ContentItemVersionId"] = item.ContentItemVersionId,
            ["ContentType"] = item.ContentType,
            ["DisplayText"] = item.DisplayText,
            ["Latest"] = item.Latest,
            ["Published"] = item.Published,
            ["Owner"] = item.Owner,
            ["Author"] = item.Author,
            ["CreatedUtc"] = item.CreatedUtc,
            ["ModifiedUtc"] = item.ModifiedUtc,
            ["PublishedUtc"] = item.PublishedUtc,
            ["Stage"] = item.Stage,
        };
        foreach (var (key, value) in item.Content)
        {
            json[key] = value?.DeepClone();
        }

        return json;
    }

    /// <summary>Parts only, as stored in the document column.</summary>
    public static string SerializeParts(ContentItem item) => item.Content.ToJsonString();

    public static JsonObject DeserializeParts(string json) =>
        JsonNode.Parse(json) as JsonObject ?? throw new JsonException("A content document must be a JSON object.");

    /// <summary>
    /// Reads an item from its flat JSON form. Common properties are read leniently (a recipe may leave out
    /// versions and dates) and whatever their casing, as Orchard Core reads them; everything else is a part. Part,
    /// field and value names are stored in Orchard Core's Pascal case (<c>titlePart.title</c> becomes
    /// <c>TitlePart.Title</c>), so an item written in camel case reads the same as one written in Pascal case.
    /// </summary>
    public static ContentItem FromJson(JsonObject json, string path = "$")
    {
        var item = new ContentItem
        {
            ContentItemId = ReadString(json, "ContentItemId", path) ?? "",
            ContentItemVersionId = ReadString(json, "ContentItemVersionId", path) ?? "",
            ContentType = ReadString(json, "ContentType", path) ?? "",
            DisplayText = ReadString(json, "DisplayText", path),
            Latest = ReadBool(json, "Latest", path) ?? false,
            Published = ReadBool(json, "Published", path) ?? false,
            Owner = ReadString(json, "Owner", path),
            Author = ReadString(json, "Author", path),
            CreatedUtc = ReadDate(json, "CreatedUtc", path),
            ModifiedUtc = ReadDate(json, "ModifiedUtc", path),
            PublishedUtc = ReadDate(json, "PublishedUtc", path),
        };
        foreach (var (key, value) in json)
        {
            if (CommonProperties.Contains(key))
            {
                continue;
            }

            if (value is not JsonObject part)
            {
                throw new ContentValidationException($"{path}.{key}", "a part must be a JSON object.");
            }

            var name = PascalCase(key);
            if (item.Content.ContainsKey(name))
            {
                throw new ContentValidationException($"{path}.{key}", $"the part '{name}' appears twice, in different casing.");
            }

            item.Content[name] = WithPascalCaseNames(part, $"{path}.{key}", NamedLevels);
        }

        return item;
    }

    /// <summary>
    /// Names inside a part that are Orchard Core's: a part's fields and properties, and a field's value properties.
    /// Deeper objects can be keyed by the user's own names (a crop per profile) and keep theirs.
    /// </summary>
    private const int NamedLevels = 2;

    /// <summary>A copy of <paramref name="node"/> whose property names in the top <paramref name="levels"/> objects start with a capital letter.</summary>
    private static JsonNode? WithPascalCaseNames(JsonNode? node, string path, int levels)
    {
        if (levels == 0 || node is not JsonObject obj)
        {
            return node?.DeepClone();
        }

        var copy = new JsonObject();
        foreach (var (key, value) in obj)
        {
            var name = PascalCase(key);
            if (copy.ContainsKey(name))
            {
                throw new ContentValidationException($"{path}.{key}", $"'{name}' appears twice, in different casing.");
            }

            copy[name] = WithPascalCaseNames(value, $"{path}.{name}", levels - 1);
        }

        return copy;
    }

    private static string PascalCase(string name) =>
        name.Length > 0 && char.IsLower(name[0]) ? string.Concat(char.ToUpperInvariant(name[0]).ToString(), name.AsSpan(1)) : name;

    private static string? ReadString(JsonObject json, string name, string path) => json[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => throw new ContentValidationException($"{path}.{name}", "must be a string."),
    };

    private static bool? ReadBool(JsonObject json, string name, string path) => json[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        _ => throw new ContentValidationException($"{path}.{name}", "must be true or false."),
    };

    private static DateTime? ReadDate(JsonObject json, string name, string path)
    {
        var node = json[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue v && v.TryGetValue<string>(out var s)
            && DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
        {
            return DateTime.SpecifyKind(date, DateTimeKind.Utc);
        }

        if (node is JsonValue d && d.TryGetValue<DateTime>(out var dt))
        {
            return dt.Kind == DateTimeKind.Utc ? dt : DateTime.SpecifyKind(dt.ToUniversalTime(), DateTimeKind.Utc);
        }

        throw new ContentValidationException($"{path}.{name}", "must be an ISO 8601 date and time, e.g. 2026-03-01T09:00:00Z.");
    }
}
