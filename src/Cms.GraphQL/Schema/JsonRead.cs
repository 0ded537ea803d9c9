using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cms.GraphQL.Schema;

/// <summary>Tolerant readers for stored field values: a value of the wrong shape reads as null, never as an error.</summary>
internal static class JsonRead
{
    public static string? String(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static bool? Bool(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    public static decimal? Decimal(JsonNode? node)
    {
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
        {
            return null;
        }

        return value.TryGetValue<decimal>(out var d) ? d : (decimal?)null;
    }

    public static double? Double(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? value.GetValue<double>() : null;

    public static DateTime? Date(JsonNode? node) =>
        String(node) is { } text && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)
            ? DateTime.SpecifyKind(date, DateTimeKind.Utc)
            : null;

    public static IReadOnlyList<string> Strings(JsonNode? node)
    {
        if (node is not JsonArray array)
        {
            return [];
        }

        var strings = new List<string>(array.Count);
        foreach (var entry in array)
        {
            if (String(entry) is { } text)
            {
                strings.Add(text);
            }
        }

        return strings;
    }

    /// <summary>Entry <paramref name="index"/> of a parallel array (MediaTexts, Captions ...), null where missing.</summary>
    public static string? StringAt(JsonNode? node, int index) =>
        node is JsonArray array && index < array.Count ? String(array[index]) : null;
}
