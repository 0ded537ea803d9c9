using System.Text.Json.Nodes;
using Cms.Core.Fields;
using Cms.Core.Html;
using Cms.Core.Metadata;

namespace Cms.Core.Content;

/// <summary>
/// Checks an item against its type and cleans it: unknown parts or fields are refused, each field kind checks
/// its value, HTML is sanitized, and DisplayText follows the title. Returns the index rows to write.
/// </summary>
public sealed class ContentItemNormalizer(IEnumerable<IContentFieldKind> fieldKinds, IHtmlSanitizerService sanitizer)
{
    private readonly Dictionary<string, IContentFieldKind> _kinds = fieldKinds.ToDictionary(k => k.Name, StringComparer.Ordinal);

    public IReadOnlySet<string> FieldKindNames => _kinds.Keys.ToHashSet(StringComparer.Ordinal);

    public IContentFieldKind? FindKind(string name) => _kinds.GetValueOrDefault(name);

    public IReadOnlyList<FieldIndexEntry> Normalize(ContentItem item, ContentTypeDefinition type, ContentDefinitionSet definitions, string path = "$")
    {
        var errors = new List<ContentValidationError>();
        var index = NormalizeItem(item, type, definitions, path, level: 0, errors, new Menus.MenuWalk());
        if (errors.Count > 0)
        {
            throw new ContentValidationException(errors);
        }

        return index;
    }

    /// <summary>
    /// Does ahead, on any thread, what an import does first with an item: <see cref="Normalize"/> on a copy (the
    /// normalizer and the field kinds keep no state, and the sanitizer may be called from several threads). The item
    /// itself is not changed; a problem is kept for the import to raise.
    /// </summary>
    public PreparedContentItem PrepareImport(ContentItem item, ContentDefinitionSet definitions, string path)
    {
        if (definitions.FindType(item.ContentType) is not { } type)
        {
            // The import refuses the unknown type itself.
            return new PreparedContentItem(item, path);
        }

        var copy = item.Clone();
        try
        {
            var index = Normalize(copy, type, definitions, path);

            // The search texts too: on the thread that writes, making them took a fifth of an import's time.
            var search = Search.SearchableTypes.IsSearchable(type) ? Search.SearchDocumentBuilder.Texts(copy, type, definitions) : null;
            return new PreparedContentItem(item, path, definitions, copy, index, null, AutoroutePaths.FirstLookup(copy, type, item.ContentItemId), search);
        }
        catch (Exception ex)
        {
            return new PreparedContentItem(item, path, definitions, null, null, System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex), null);
        }
    }

    /// <summary>
    /// One item, or one menu item inside a menu (<paramref name="level"/> 1 to <see cref="Menus.MenuTree.MaxDepth"/>):
    /// the same checks for both, so a menu item is cleaned exactly like an item of its type.
    /// </summary>
    private List<FieldIndexEntry> NormalizeItem(ContentItem item, ContentTypeDefinition type, ContentDefinitionSet definitions, string path, int level, List<ContentValidationError> errors, Menus.MenuWalk walk)
    {
        var errorsBefore = errors.Count;
        foreach (var (key, _) in item.Content)
        {
            if (type.FindPart(key) is null)
            {
                errors.Add(new($"{path}.{key}", $"the type '{type.Name}' has no part '{key}'; its parts are {string.Join(", ", type.Parts.Select(p => p.Name))}."));
            }
        }

        var index = new List<FieldIndexEntry>();
        foreach (var typePart in type.Parts)
        {
            var partPath = $"{path}.{typePart.Name}";
            if (BuiltInParts.IsBuiltIn(typePart.PartName))
            {
                if (item.Part(typePart.Name) is { } builtIn)
                {
                    if (typePart.PartName == BuiltInParts.MenuItemsListPart)
                    {
                        Menus.MenuTree.NormalizeList(builtIn, partPath, level + 1, definitions, walk, (entry, entryType, entryPath, entryLevel) =>
                            NormalizeItem(entry, entryType, definitions, entryPath, entryLevel, errors, walk), errors);
                    }
                    else
                    {
                        BuiltInParts.Normalize(typePart.PartName, builtIn, partPath, sanitizer, errors);
                    }
                }

                continue;
            }

            var partDefinition = definitions.FindPart(typePart.PartName);
            if (partDefinition is null)
            {
                continue;
            }

            var part = item.Part(typePart.Name);
            if (part is not null)
            {
                foreach (var (fieldKey, _) in part)
                {
                    if (partDefinition.FindField(fieldKey) is null)
                    {
                        errors.Add(new($"{partPath}.{fieldKey}", $"the part '{typePart.Name}' has no field '{fieldKey}'; its fields are {string.Join(", ", partDefinition.Fields.Select(f => f.Name))}."));
                    }
                }
            }

            foreach (var field in partDefinition.Fields)
            {
                var fieldPath = $"{partPath}.{field.Name}";
                var node = part?[field.Name];
                if (node is not null and not JsonObject)
                {
                    errors.Add(new(fieldPath, "a field value must be a JSON object."));
                    continue;
                }

                var value = node as JsonObject ?? [];
                if (!_kinds.TryGetValue(field.FieldName, out var kind))
                {
                    errors.Add(new(fieldPath, $"unknown field type '{field.FieldName}'."));
                    continue;
                }

                var before = errors.Count;
                kind.Normalize(value, new FieldContext(fieldPath, field, sanitizer, errors));
                if (errors.Count == before && node is JsonObject)
                {
                    index.AddRange(kind.Index(value, typePart.Name, field.Name));
                }
            }
        }

        if (errors.Count > errorsBefore)
        {
            return index;
        }

        if (type.HasPart(BuiltInParts.TitlePart))
        {
            var titlePart = type.Parts.First(p => p.PartName == BuiltInParts.TitlePart);
            item.DisplayText = item.Part(titlePart.Name)?["Title"]?.GetValue<string>() ?? item.DisplayText;
        }

        return index;
    }

    /// <summary>The route path stored on the item, if its type has an AutoroutePart.</summary>
    public static string? PathOf(ContentItem item, ContentTypeDefinition type)
    {
        var autoroute = type.Parts.FirstOrDefault(p => p.PartName == BuiltInParts.AutoroutePart);
        return autoroute is null ? null : item.Part(autoroute.Name)?["Path"]?.GetValue<string>();
    }
}
