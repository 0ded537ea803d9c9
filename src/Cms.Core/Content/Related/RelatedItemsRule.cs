using Cms.Core.Fields;
using Cms.Core.Metadata;
using Cms.Core.Queries;

namespace Cms.Core.Content.Related;

/// <summary>
/// Which items are "related" to an item: the hand-picked ones first (a "Related…" picker to the same type, in its
/// order), topped up with the newest published items of the same group (the first single-item picker to another type,
/// e.g. an article's Section), never the item itself and never twice. The one rule behind GraphQL's <c>related</c>
/// (which loads in batches) and the preview theme's "you might also like" strip (<see cref="RelatedContent"/>).
/// </summary>
public sealed record RelatedItemsRule(ContentTypeDefinition Type, PickerReference Picked, PickerReference? Group)
{
    /// <summary>The rule for a type, or null when the type has no hand-picked related field.</summary>
    public static RelatedItemsRule? For(ContentTypeDefinition type, ContentDefinitionSet definitions)
    {
        PickerReference? picked = null;
        PickerReference? group = null;
        foreach (var (typePart, field) in PickerReferences.Pickers(definitions, type))
        {
            if (!typePart.IsCollapsed(type.Name))
            {
                continue;
            }

            var allowed = ContentPickerFieldKind.AllowedTypes(field.KindSettings);
            var multiple = field.KindSettings["Multiple"] is System.Text.Json.Nodes.JsonValue m && m.TryGetValue<bool>(out var isMultiple) && isMultiple;
            if (picked is null && field.Name.StartsWith("Related", StringComparison.Ordinal) && allowed.Contains(type.Name))
            {
                picked = new PickerReference(typePart.Name, field);
            }
            else if (group is null && !multiple && allowed.Count > 0 && !allowed.Contains(type.Name))
            {
                group = new PickerReference(typePart.Name, field);
            }
        }

        return picked is null ? null : new RelatedItemsRule(type, picked, group);
    }

    /// <summary>The hand-picked ids of <paramref name="item"/>, without itself and without repeats.</summary>
    public IReadOnlyList<string> PickedIds(ContentItem item) =>
        [.. Picked.Ids(item).Where(id => id != item.ContentItemId).Distinct(StringComparer.Ordinal)];

    /// <summary>The group item (e.g. the section) the top-up comes from, if the type has a group picker and the item set it.</summary>
    public string? GroupId(ContentItem item) => Group is { } group && group.Ids(item) is [var first, ..] ? first : null;

    /// <summary>How many newest items of the group to read so that enough remain after leaving out the picked ones and the item.</summary>
    public static int TopUpTake(int first, int pickedCount) => first + pickedCount + 1;

    /// <summary>The newest published items of <paramref name="contentType"/> whose group picker references <paramref name="groupId"/>.</summary>
    public static ContentQuery NewestInGroup(string contentType, string partKey, string fieldKey, string groupId, int take) => new()
    {
        ContentType = contentType,
        Status = ContentStatus.Published,
        Where = new FieldFilter(FieldIndexKind.ContentPicker, partKey, fieldKey, FilterOperator.Equal, groupId),
        OrderBy = [ContentSort.By(ContentColumn.PublishedUtc, descending: true)],
        Take = take,
    };

    /// <summary>
    /// The related list: the picked items that are of the type (in their order, at most <paramref name="first"/>), then
    /// the newest of the group that are neither picked nor the item itself.
    /// </summary>
    public IReadOnlyList<T> Combine<T>(string selfId, IEnumerable<T> picked, IEnumerable<T>? newest, int first, Func<T, ContentItem> item)
    {
        var chosen = picked.Where(p => item(p).ContentType == Type.Name).Take(first).ToList();
        var need = first - chosen.Count;
        if (need <= 0 || newest is null)
        {
            return chosen;
        }

        var taken = chosen.Select(p => item(p).ContentItemId).Append(selfId).ToHashSet(StringComparer.Ordinal);
        return [.. chosen, .. newest.Where(n => !taken.Contains(item(n).ContentItemId)).Take(need)];
    }
}
