using System.Text.Json.Nodes;

namespace Cms.Core.Fields;

/// <summary><c>{ "Url": "https://...", "Text": "..." }</c>. Only http(s), mailto and site-relative URLs.</summary>
public sealed class LinkFieldKind : IContentFieldKind
{
    /// <summary>What a refused URL is told, here and for menu links.</summary>
    public const string SafeUrlMessage = "must be an http, https or mailto address, or a path starting with '/'.";

    public string Name => "LinkField";

    public FieldIndexKind IndexKind => FieldIndexKind.None;

    public void Normalize(JsonObject value, FieldContext context)
    {
        if (!JsonValues.TryString(value["Url"], out var url))
        {
            context.Error("Url", "must be a string.");
        }
        else if (!string.IsNullOrEmpty(url) && !IsSafeUrl(url))
        {
            context.Error("Url", SafeUrlMessage);
        }

        if (!JsonValues.TryString(value["Text"], out _))
        {
            context.Error("Text", "must be a string.");
        }

        if (context.Definition.Required && string.IsNullOrWhiteSpace(url))
        {
            context.Error("Url", $"'{context.Definition.DisplayName}' is required.");
        }
    }

    public IEnumerable<FieldIndexEntry> Index(JsonObject value, string partName, string fieldName) => [];

    /// <summary>
    /// http, https and mailto addresses and site-relative paths ('/about'); never a script or data URL, a
    /// protocol-relative '//host', a backslash (browsers read '/\\host' as '//host') or a control character.
    /// </summary>
    public static bool IsSafeUrl(string url)
    {
        if (url.Contains('\\', StringComparison.Ordinal) || url.Any(char.IsControl))
        {
            return false;
        }

        if (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
        {
            return true;
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeMailto);
    }
}
