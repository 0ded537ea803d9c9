using System.Text.Json.Nodes;
using Cms.Core.Fields;
using Cms.Core.Metadata;
using Cms.Core.Queries;

namespace Cms.Core.Content;

/// <summary>
/// References between items through content picker fields, found in SQL over the picker index (never by scanning
/// documents), and moved through <see cref="IContentManager.ReviseAsync"/>, so every changed item gets new versions,
/// audit entries and events as any save. Used by the <c>ReplaceContentReferences</c> and <c>DeleteContent</c> recipe steps.
/// </summary>
public sealed class ContentReferences(IContentManager content, IContentDefinitionManager definitions)
{
    private const int PageSize = 100;

    /// <summary>Every (item, picker field) whose published or latest version points at one of <paramref name="targets"/>.</summary>
    public async Task<IReadOnlyList<ContentReference>> FindAsync(IReadOnlyCollection<string> targets, IReadOnlyCollection<string>? contentTypes = null, CancellationToken cancellationToken = default)
    {
        var found = new List<ContentReference>();
        var seen = new HashSet<(string, string, string)>();
        foreach (var (type, part, field) in await PickerFieldsAsync(contentTypes, cancellationToken))
        {
            foreach (var status in new[] { ContentStatus.Published, ContentStatus.Latest })
            {
                for (var skip = 0; ; skip += PageSize)
                {
                    var page = await content.QueryAsync(new ContentQuery
                    {
                        ContentType = type.Name,
                        Status = status,
                        Where = new FieldFilter(FieldIndexKind.ContentPicker, part.Name, field.Name, FilterOperator.In, targets.ToList()),
                        OrderBy = [ContentSort.By(ContentColumn.ContentItemId)],
                        Skip = skip,
                        Take = PageSize,
                    }, cancellationToken);
                    foreach (var item in page.Items)
                    {
                        if (seen.Add((item.ContentItemId, part.Name, field.Name)))
                        {
                            found.Add(new ContentReference(item.ContentItemId, item.ContentType, item.DisplayText, part.Name, field.Name));
                        }
                    }

                    if (page.Items.Count < PageSize)
                    {
                        break;
                    }
                }
            }
        }

        return found;
    }

    /// <summary>
    /// Makes every picker field that points at one of <paramref name="from"/> point at <paramref name="to"/> instead
    /// (once, in the place of the first one replaced), in the published and the latest version of each item. Returns the
    /// ids of the items changed.
    /// </summary>
    public async Task<IReadOnlyList<string>> ReplaceAsync(IReadOnlyCollection<string> from, string to, string reason, IReadOnlyCollection<string>? contentTypes = null, CancellationToken cancellationToken = default)
    {
        if (from.Contains(to))
        {
            throw new ContentValidationException("$.To", $"'{to}' is also in From: an item cannot replace itself.");
        }

        var target = await content.GetAsync(to, VersionOptions.Latest, cancellationToken)
            ?? throw new ContentValidationException("$.To", $"there is no item '{to}' to point at; create it first (a Content step before this one).");
        var references = await FindAsync(from, contentTypes, cancellationToken);
        var set = await definitions.GetAsync(cancellationToken);
        foreach (var reference in references.DistinctBy(r => (r.ContentType, r.PartName, r.FieldName)))
        {
            var field = set.FindType(reference.ContentType) is { } type ? PickerReferences.Pickers(set, type).FirstOrDefault(f => f.Part.Name == reference.PartName && f.Field.Name == reference.FieldName).Field : null;
            var allowed = field is null ? [] : ContentPickerFieldKind.AllowedTypes(field.KindSettings);
            if (allowed.Count > 0 && !allowed.Contains(target.ContentType, StringComparer.Ordinal))
            {
                throw new ContentValidationException("$.To", $"'{to}' is a {target.ContentType}, but {reference.ContentType}.{reference.PartName}.{reference.FieldName} takes only {string.Join(", ", allowed)} (it points at one of From in '{reference.ContentItemId}').");
            }
        }

        var fields = references.GroupBy(r => r.ContentItemId, StringComparer.Ordinal);
        var changed = new List<string>();
        foreach (var item in fields)
        {
            var pickers = item.Select(r => (r.PartName, r.FieldName)).ToList();
            if (await content.ReviseAsync(item.Key, parts => Replace(parts, pickers, from, to), reason, cancellationToken))
            {
                changed.Add(item.Key);
            }
        }

        return changed;
    }

    private static bool Replace(JsonObject parts, IReadOnlyList<(string Part, string Field)> pickers, IReadOnlyCollection<string> from, string to)
    {
        var changed = false;
        foreach (var (partName, fieldName) in pickers)
        {
            if (parts[partName]?[fieldName] is not JsonObject field || !JsonValues.TryStringArray(field["ContentItemIds"], out var ids) || !ids.Any(from.Contains))
            {
                continue;
            }

            var replaced = new List<string>();
            foreach (var id in ids)
            {
                var next = from.Contains(id) ? to : id;
                if (!replaced.Contains(next, StringComparer.Ordinal))
                {
                    replaced.Add(next);
                }
            }

            field["ContentItemIds"] = JsonValues.ToArray(replaced);
            changed = true;
        }

        return changed;
    }

    /// <summary>
    /// Every picker field of the given types (all types when none are given), through <see cref="PickerReferences.Pickers"/>:
    /// whatever type a picker allows, it holds a reference (a section's parent too, and a picker that allows any type).
    /// </summary>
    private async Task<List<(ContentTypeDefinition Type, ContentTypePartDefinition Part, ContentPartFieldDefinition Field)>> PickerFieldsAsync(IReadOnlyCollection<string>? contentTypes, CancellationToken cancellationToken)
    {
        var set = await definitions.GetAsync(cancellationToken);
        return [.. set.Types.Values
            .Where(t => contentTypes is null || contentTypes.Count == 0 || contentTypes.Contains(t.Name))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .SelectMany(t => PickerReferences.Pickers(set, t).Select(f => (t, f.Part, f.Field)))];
    }
}
