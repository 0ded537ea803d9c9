using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cms.Core.Fields;

/// <summary>Small readers for the values inside field objects.</summary>
internal static class JsonValues
{
    public static bool IsNull(JsonNode? node) => node is null || node.GetValueKind() == JsonValueKind.Null;

    public static bool TryString(JsonNode? node, out string? value)
    {
        value = null;
        if (IsNull(node))
        {
            return true;
        }

        // TryGetValue, not GetValue: a value built in code (a DateTime, a Guid) also reports the String kind.
        if (node is JsonValue v && v.TryGetValue<string>(out var text))
        {
            value = text;
            return true;
        }

        return false;
    }

    public static bool TryStringArray(JsonNode? node, out List<string> values)
    {
        values = [];
        if (IsNull(node))
        {
            return true;
        }

        if (node is not JsonArray array)
        {
            return false;
        }

        foreach (var element in array)
        {
            if (element is JsonValue v && v.TryGetValue<string>(out var text))
            {
                values.Add(text);
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    public static bool TryDate(JsonNode? node, out DateTime? value)
    {
        value = null;
        if (IsNull(node))
        {
            return true;
        }

        if (node is JsonValue v && v.TryGetValue<string>(out var text)
            && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
        {
            value = DateTime.SpecifyKind(date, DateTimeKind.Utc);
            return true;
        }

        // A date set from code rather than parsed from JSON text.
        if (node is JsonValue d && d.TryGetValue<DateTimeOffset>(out var offset))
        {
            value = offset.UtcDateTime;
            return true;
        }

        if (node is JsonValue t && t.TryGetValue<DateTime>(out var dateTime))
        {
            value = dateTime.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dateTime, DateTimeKind.Utc) : dateTime.ToUniversalTime();
            return true;
        }

        return false;
    }

    public static double? Number(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<double>() : null;

    public static bool? Bool(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    public static JsonArray ToArray(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
