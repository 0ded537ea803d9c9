using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cms.Core.Content;
using Cms.Core.Fields;
using Cms.Core.Metadata;
using Cms.Core.Queries;

namespace Cms.Core.Search;

/// <summary>
/// Makes the <see cref="SearchDocument"/> of a published item from its definition: the display text; the type's text
/// fields (the lead); the HTML body and HTML fields as text; tags fields; and the names of the items its author pickers
/// (pickers allowing <see cref="PickerReferences.AuthorType"/>) point at, looked up by the caller.
/// </summary>
public static partial class SearchDocumentBuilder
{
    /// <summary>The body text kept per item; beyond it an article is not searched (far longer than any article).</summary>
    public const int MaxBodyLength = 100_000;

    public const int MaxFieldLength = 4_000;

    /// <summary>The author ids an item's byline points at, in order.</summary>
    public static IReadOnlyList<string> AuthorIds(ContentItem item, ContentTypeDefinition type, ContentDefinitionSet definitions)
    {
        var ids = new List<string>();
        foreach (var (part, field) in PickerReferences.PickersTo(definitions, type, PickerReferences.AuthorType))
        {
            if (JsonValues.TryStringArray(item.Part(part.Name)?[field.Name]?["ContentItemIds"], out var values))
            {
                ids.AddRange(values.Where(v => !ids.Contains(v, StringComparer.Ordinal)));
            }
        }

        return ids;
    }

    /// <summary>The document of an item whose <paramref name="texts"/> were made from its content (by <see cref="Texts"/>).</summary>
    public static SearchDocument Build(ContentItem item, SearchTexts texts, IReadOnlyList<string> authorNames) => new(
        item.ContentItemId,
        item.ContentItemVersionId,
        item.ContentType,
        texts.Title,
        texts.Lead,
        texts.Body,
        texts.Tags,
        string.Join(", ", authorNames.Select(n => Clean(n, 256))));

    /// <summary>
    /// The texts of an item's content: the display text, the text fields, the HTML body and HTML fields without markup,
    /// the tags. Reads nothing but the item and the definitions, so it can run ahead on any thread (an import does).
    /// </summary>
    public static SearchTexts Texts(ContentItem item, ContentTypeDefinition type, ContentDefinitionSet definitions)
    {
        var lead = new List<string>();
        var body = new List<string>();
        var tags = new List<string>();
        if (type.Parts.FirstOrDefault(p => p.PartName == BuiltInParts.HtmlBodyPart) is { } bodyPart
            && JsonValues.TryString(item.Part(bodyPart.Name)?["Html"], out var html) && html is not null)
        {
            body.Add(Text(html, MaxBodyLength));
        }

        foreach (var (part, field) in definitions.FieldsOf(type))
        {
            var value = item.Part(part.Name)?[field.Name] as JsonObject;
            switch (field.FieldName)
            {
                case "TextField" when JsonValues.TryString(value?["Text"], out var text) && !string.IsNullOrWhiteSpace(text):
                    lead.Add(Clean(text, MaxFieldLength));
                    break;
                case "HtmlField" when JsonValues.TryString(value?["Html"], out var fieldHtml) && fieldHtml is not null:
                    body.Add(Text(fieldHtml, MaxFieldLength));
                    break;
                case "TagsField" when JsonValues.TryStringArray(value?["Tags"], out var values):
                    tags.AddRange(values.Select(t => Clean(t, MaxFieldLength)));
                    break;
            }
        }

        return new SearchTexts(
            Clean(item.DisplayText ?? "", MaxFieldLength),
            string.Join("\n", lead),
            Cap(string.Join("\n", body.Where(b => b.Length > 0)), MaxBodyLength),
            string.Join(", ", tags));
    }

    /// <summary>The text of an HTML fragment: tags become spaces, entities are decoded, whitespace runs become one space.</summary>
    public static string Text(string html, int maxLength)
    {
        var withoutTags = Tags().Replace(html, " ");
        return Clean(WebUtility.HtmlDecode(withoutTags), maxLength);
    }

    /// <summary>Control characters (the snippet marks among them) removed, whitespace collapsed, at most <paramref name="maxLength"/>.</summary>
    public static string Clean(string text, int maxLength)
    {
        var clean = new StringBuilder(Math.Min(text.Length, maxLength));
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = clean.Length > 0;
                continue;
            }

            if (space)
            {
                clean.Append(' ');
                space = false;
            }

            if (clean.Length >= maxLength)
            {
                break;
            }

            clean.Append(c);
        }

        return Cap(clean.ToString(), maxLength);
    }

    private static string Cap(string text, int maxLength) =>
        text.Length <= maxLength ? text : text[..(char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength)];

    // Stored HTML is sanitized on save (no script or style elements), so every tag is markup around readable text.
    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tags();
}
