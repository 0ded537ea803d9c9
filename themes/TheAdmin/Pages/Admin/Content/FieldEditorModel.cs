using System.Text.Json.Nodes;

namespace Cms.Admin.Pages.Admin.Content;

/// <summary>
/// One editor on the generated form: a built-in part (TitlePart, ...) or a field of a type's part. The partial named
/// after <see cref="Kind"/> renders it; the editor script reads and writes its value at <see cref="JsonPath"/>.
/// </summary>
public sealed record FieldEditorModel
{
    /// <summary>The part's key in the item JSON (e.g. <c>Article</c>, <c>TitlePart</c>).</summary>
    public required string Part { get; init; }

    /// <summary>The field's key in the part, or null for a built-in part edited as a whole.</summary>
    public string? Field { get; init; }

    /// <summary>The field kind (TextField, ...) or the built-in part's name: the partial's name.</summary>
    public required string Kind { get; init; }

    /// <summary>The editor template's name (<c>Editors/{Template}.cshtml</c>): the field kind's own choice, else the kind's name.</summary>
    public string Template { get => field ?? Kind; init; }

    public required string DisplayName { get; init; }

    public string? Hint { get; init; }

    public bool Required { get; init; }

    /// <summary>The kind's own settings (e.g. <c>ContentPickerFieldSettings</c>), and the field's general ones.</summary>
    public JsonObject KindSettings { get; init; } = [];

    public JsonObject FieldSettings { get; init; } = [];

    /// <summary>The stored value (the field's object, or the part's).</summary>
    public JsonNode? Value { get; init; }

    /// <summary>Whether an editor template exists for <see cref="Kind"/>; if not, a read-only notice shows and the value is kept.</summary>
    public bool HasTemplate { get; init; }

    /// <summary>Titles of referenced items (content pickers), by id, as far as the caller may read them.</summary>
    public IReadOnlyDictionary<string, string> ItemTitles { get; init; } = new Dictionary<string, string>();

    /// <summary>The JSON path the server reports errors under, e.g. <c>$.Article.Lead</c>.</summary>
    public string JsonPath => Field is null ? $"$.{Part}" : $"$.{Part}.{Field}";

    /// <summary>The id of the field's main input, for labels.</summary>
    public string InputId => "f-" + Part + (Field is null ? "" : "-" + Field);

    public string Setting(string name) => KindSettings[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    public bool Flag(string name) => KindSettings[name] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    public string FieldSetting(string name) => FieldSettings[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
}
