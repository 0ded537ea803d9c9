using Cms.Core.Content;
using Cms.Core.Fields;
using Cms.Core.Queries;
using Cms.Core.Storage;
using Cms.GraphQL.Schema;

namespace Cms.GraphQL.Execution;

/// <summary>
/// Loads referenced items in batches: every picker of a request waiting at the same time costs one SQL query
/// (two inside a preview query, when some latest versions may not be previewed and fall back to published ones), and
/// none for published versions <see cref="PublishedItemCache"/> already knows. Only items the caller may see come back;
/// the others are simply missing.
/// </summary>
internal sealed class ContentItemLoader
{
    private readonly IContentStore _store;
    private readonly IContentAccess _access;
    private readonly PublishedItemCache _published;
    private readonly Dictionary<(string Type, string Part, string Field), BatchLoader<(string GroupId, int Take), IReadOnlyList<ContentNode>>> _newest = [];

    public ContentItemLoader(IContentStore store, IContentAccess access, PublishedItemCache published)
    {
        _store = store;
        _access = access;
        _published = published;
        Published = new BatchLoader<string, ContentNode>(LoadPublishedAsync, StringComparer.Ordinal);
        Latest = new BatchLoader<string, ContentNode>(LoadLatestAsync, StringComparer.Ordinal);
    }

    /// <summary>Published versions the caller may view.</summary>
    public BatchLoader<string, ContentNode> Published { get; }

    /// <summary>Latest versions the caller may preview, else the published version they may view.</summary>
    public BatchLoader<string, ContentNode> Latest { get; }

    public BatchLoader<string, ContentNode> For(bool preview) => preview ? Latest : Published;

    /// <summary>The newest published items of a type that reference a group item (e.g. articles of a section), one query per group.</summary>
    public BatchLoader<(string GroupId, int Take), IReadOnlyList<ContentNode>> Newest(string contentType, string partKey, string fieldKey)
    {
        var key = (contentType, partKey, fieldKey);
        if (!_newest.TryGetValue(key, out var loader))
        {
            loader = new BatchLoader<(string GroupId, int Take), IReadOnlyList<ContentNode>>(
                (groups, cancellationToken) => LoadNewestAsync(contentType, partKey, fieldKey, groups, cancellationToken),
                EqualityComparer<(string, int)>.Default);
            _newest[key] = loader;
        }

        return loader;
    }

    private async Task<IReadOnlyDictionary<string, ContentNode>> LoadPublishedAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, ContentNode>(StringComparer.Ordinal);
        foreach (var (id, item) in await PublishedVersionsAsync(ids, cancellationToken))
        {
            if (await _access.IsAllowedAsync(ContentAction.View, item, cancellationToken))
            {
                result[id] = new ContentNode(item, Preview: false);
            }
        }

        return result;
    }

    /// <summary>The published versions of <paramref name="ids"/>, from <see cref="PublishedItemCache"/> where it knows them.</summary>
    private async Task<IReadOnlyDictionary<string, ContentItem>> PublishedVersionsAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var generation = _published.Generation;
        var items = new Dictionary<string, ContentItem>(ids.Count, StringComparer.Ordinal);
        List<string>? unknown = null;
        foreach (var id in ids)
        {
            if (!_published.TryGet(id, out var item))
            {
                (unknown ??= []).Add(id);
            }
            else if (item is not null)
            {
                items[id] = item;
            }
        }

        if (unknown is not null)
        {
            var read = await _store.GetManyAsync(unknown, VersionOptions.Published, cancellationToken);
            _published.Set(unknown, read, generation);
            foreach (var (id, item) in read)
            {
                items[id] = item;
            }
        }

        return items;
    }

    private async Task<IReadOnlyDictionary<string, ContentNode>> LoadLatestAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var items = await _store.GetManyAsync(ids, VersionOptions.Latest, cancellationToken);
        var result = new Dictionary<string, ContentNode>(StringComparer.Ordinal);
        var fallback = new List<string>();
        foreach (var id in ids)
        {
            if (!items.TryGetValue(id, out var item))
            {
                continue;
            }

            if (await _access.IsAllowedAsync(ContentAction.Preview, item, cancellationToken))
            {
                result[id] = new ContentNode(item, Preview: true);
            }
            else
            {
                fallback.Add(id);
            }
        }

        if (fallback.Count > 0)
        {
            foreach (var (id, node) in await LoadPublishedAsync(fallback, cancellationToken))
            {
                result[id] = node;
            }
        }

        return result;
    }

    private async Task<IReadOnlyDictionary<(string GroupId, int Take), IReadOnlyList<ContentNode>>> LoadNewestAsync(
        string contentType, string partKey, string fieldKey, IReadOnlyList<(string GroupId, int Take)> groups, CancellationToken cancellationToken)
    {
        var result = new Dictionary<(string, int), IReadOnlyList<ContentNode>>();
        foreach (var group in groups)
        {
            var page = await _store.QueryAsync(Core.Content.Related.RelatedItemsRule.NewestInGroup(contentType, partKey, fieldKey, group.GroupId, group.Take), cancellationToken);
            var visible = new List<ContentNode>();
            foreach (var item in page.Items)
            {
                if (await _access.IsAllowedAsync(ContentAction.View, item, cancellationToken))
                {
                    visible.Add(new ContentNode(item, Preview: false));
                }
            }

            result[group] = visible;
        }

        return result;
    }
}
