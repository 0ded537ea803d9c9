using Cms.Core.Metadata;
using Cms.Core.Storage;

namespace Cms.Core.Content.Related;

/// <summary>
/// The related items of one item, as readers see them: published versions the caller may view, chosen by
/// <see cref="RelatedItemsRule"/> (GraphQL applies the same rule through its batching loaders).
/// </summary>
public sealed class RelatedContent(IContentStore store, IContentAccess access, IContentDefinitionManager definitions)
{
    public async Task<IReadOnlyList<ContentItem>> GetAsync(ContentItem item, int first, CancellationToken cancellationToken = default)
    {
        var set = await definitions.GetAsync(cancellationToken);
        if (first <= 0 || set.FindType(item.ContentType) is not { } type || RelatedItemsRule.For(type, set) is not { } rule)
        {
            return [];
        }

        var pickedIds = rule.PickedIds(item);
        var found = await store.GetManyAsync(pickedIds, VersionOptions.Published, cancellationToken);
        var picked = await VisibleAsync(pickedIds.Where(found.ContainsKey).Select(id => found[id]), cancellationToken);
        IReadOnlyList<ContentItem>? newest = null;
        if (picked.Count < first && rule.GroupId(item) is { } groupId && rule.Group is { } group)
        {
            var query = RelatedItemsRule.NewestInGroup(type.Name, group.PartKey, group.Field.Name, groupId, RelatedItemsRule.TopUpTake(first, pickedIds.Count));
            newest = await VisibleAsync((await store.QueryAsync(query, cancellationToken)).Items, cancellationToken);
        }

        return rule.Combine(item.ContentItemId, picked, newest, first, i => i);
    }

    private async Task<IReadOnlyList<ContentItem>> VisibleAsync(IEnumerable<ContentItem> items, CancellationToken cancellationToken)
    {
        var visible = new List<ContentItem>();
        foreach (var candidate in items)
        {
            if (await access.IsAllowedAsync(ContentAction.View, candidate, cancellationToken))
            {
                visible.Add(candidate);
            }
        }

        return visible;
    }
}
