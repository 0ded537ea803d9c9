using System.Text.Json.Nodes;

namespace Cms.Core.Metadata;

/// <summary>A field on a part: <see cref="FieldName"/> is its kind (TextField, ...), <see cref="Name"/> its key.</summary>
public sealed record ContentPartFieldDefinition
{
    public required string Name { get; init; }
    public required string FieldName { get; init; }
    public JsonObject Settings { get; init; } = [];

    public string DisplayName =>
        Settings["ContentPartFieldSettings"]?["DisplayName"]?.GetValue<string>() ?? Name;

    /// <summary>The field kind's own settings object, e.g. <c>ContentPickerFieldSettings</c>.</summary>
    public JsonObject KindSettings => Settings[FieldName + "Settings"] as JsonObject ?? [];

    public bool Required => KindSettings["Required"] is JsonValue r && r.TryGetValue<bool>(out var b) && b;
}
