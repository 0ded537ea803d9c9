using System.Text.Json.Nodes;

namespace Cms.Core.Fields;

/// <summary><c>{ "Text": "..." }</c>, indexed as text.</summary>
public sealed class TextFieldKind : IContentFieldKind
{
    public const int MaxLength = 10_000;

    public string Name => "TextField";

    public FieldIndexKind IndexKind => FieldIndexKind.Text;

    public FieldQuery Query => FieldQuery.Text;

    public void Normalize(JsonObject value, FieldContext context)
    {
        if (!JsonValues.TryString(value["Text"], out var text))
        {
            context.Error("Text", "must be a string.");
            return;
        }

        if (text is { Length: > MaxLength })
        {
            context.Error("Text", $"is longer than {MaxLength} characters.");
        }

        if (context.Definition.Required && string.IsNullOrWhiteSpace(text))
        {
            context.Error("Text", $"'{context.Definition.DisplayName}' is required.");
        }
    }

    public IEnumerable<FieldIndexEntry> Index(JsonObject value, string partName, string fieldName)
    {
        JsonValues.TryString(value["Text"], out var text);
        yield return new FieldIndexEntry(FieldIndexKind.Text, partName, fieldName) { Text = text };
    }
}
