using System.Text.Json.Nodes;

namespace Cms.Core.Fields;

/// <summary><c>{ "Html": "..." }</c>, sanitized on save, not indexed.</summary>
public sealed class HtmlFieldKind : IContentFieldKind
{
    public string Name => "HtmlField";

    public FieldIndexKind IndexKind => FieldIndexKind.None;

    public void Normalize(JsonObject value, FieldContext context)
    {
        if (!JsonValues.TryString(value["Html"], out var html))
        {
            context.Error("Html", "must be a string.");
            return;
        }

        if (html is not null)
        {
            value["Html"] = context.Sanitizer.Sanitize(html);
        }

        if (context.Definition.Required && string.IsNullOrWhiteSpace(html))
        {
            context.Error("Html", $"'{context.Definition.DisplayName}' is required.");
        }
    }

    public IEnumerable<FieldIndexEntry> Index(JsonObject value, string partName, string fieldName) => [];
}
