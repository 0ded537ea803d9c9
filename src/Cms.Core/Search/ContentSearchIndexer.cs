using Cms.Core.Content;
using Cms.Core.Events;
using Cms.Core.Metadata;
using Cms.Core.Queries;
using Cms.Core.Storage;

namespace Cms.Core.Search;

/// <summary>
/// Keeps the search index equal to the published content, inside the transaction of each change: a publish (or
/// re-publish) writes the item's <see cref="SearchDocument"/>, an unpublish or delete removes it. Author names: a
/// publish, unpublish or delete of an author rewrites the documents of every published item whose byline points at
/// them, in that same transaction, so a renamed author is found under the new name only and an unpublished one is not
/// found through their articles at all. Nothing else reaches into other items' documents (a section's name is not
/// indexed).
/// </summary>
public sealed class ContentSearchIndexer(IContentDefinitionManager definitions, IContentStore store, ISearchIndexStore index, IUnitOfWork unitOfWork) : IContentChangeHandler
{
    private const int Batch = 200;

    // Author names read in this scope (a recipe run imports thousands of articles by a few authors).
    private readonly Dictionary<string, string?> _authorNames = new(StringComparer.Ordinal);

    public async Task OnChangingAsync(ContentChange change, CancellationToken cancellationToken)
    {
        if (change.Kind is not (ContentEventKind.Published or ContentEventKind.Unpublished or ContentEventKind.Deleted))
        {
            return;
        }

        var set = await definitions.GetAsync(cancellationToken);
        var item = change.Item;
        if (item.ContentType == PickerReferences.AuthorType)
        {
            var name = change.Kind == ContentEventKind.Published ? item.DisplayText ?? "" : null;
            _authorNames[item.ContentItemId] = name;

            // A rolled-back rename must not linger in this scope's names.
            unitOfWork.OnRolledBack(_authorNames.Clear);
            await ReindexBylinesAsync(set, item.ContentItemId, cancellationToken);
        }

        if (set.FindType(item.ContentType) is not { } type || !SearchableTypes.IsSearchable(type))
        {
            return;
        }

        if (change.Kind == ContentEventKind.Published)
        {
            await index.UpsertAsync(await DocumentAsync(item, type, set, cancellationToken, change.SearchTexts), cancellationToken);
        }
        else
        {
            await index.RemoveAsync(item.ContentItemId, cancellationToken);
        }
    }

    /// <summary>Writes the index again from the published content (after an upgrade, or to repair it). Returns the number of items.</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken = default)
    {
        var set = await definitions.GetAsync(cancellationToken);
        await index.ClearAsync(cancellationToken);
        var count = 0;
        foreach (var type in SearchableTypes.Of(set))
        {
            for (var skip = 0; ; skip += Batch)
            {
                var page = await store.QueryAsync(new ContentQuery { ContentType = type.Name, Skip = skip, Take = Batch, OrderBy = [ContentSort.By(ContentColumn.ContentItemId)] }, cancellationToken);
                foreach (var item in page.Items)
                {
                    await index.UpsertAsync(await DocumentAsync(item, type, set, cancellationToken), cancellationToken);
                    count++;
                }

                if (page.Items.Count < Batch)
                {
                    break;
                }
            }
        }

        return count;
    }

    private async Task ReindexBylinesAsync(ContentDefinitionSet set, string authorId, CancellationToken cancellationToken)
    {
        var types = SearchableTypes.Of(set);
        var filter = PickerReferences.Filter(set, types, PickerReferences.AuthorType, authorId);
        if (filter.Filters.Count == 0)
        {
            return;
        }

        for (var skip = 0; ; skip += Batch)
        {
            var page = await store.QueryAsync(new ContentQuery { Where = filter, Skip = skip, Take = Batch, OrderBy = [ContentSort.By(ContentColumn.ContentItemId)] }, cancellationToken);
            foreach (var item in page.Items)
            {
                if (set.FindType(item.ContentType) is { } type)
                {
                    await index.UpsertAsync(await DocumentAsync(item, type, set, cancellationToken), cancellationToken);
                }
            }

            if (page.Items.Count < Batch)
            {
                return;
            }
        }
    }

    private async Task<SearchDocument> DocumentAsync(ContentItem item, ContentTypeDefinition type, ContentDefinitionSet set, CancellationToken cancellationToken, SearchTexts? texts = null)
    {
        var ids = SearchDocumentBuilder.AuthorIds(item, type, set);
        var missing = ids.Where(id => !_authorNames.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            var found = await store.GetManyAsync(missing, VersionOptions.Published, cancellationToken);
            foreach (var id in missing)
            {
                _authorNames[id] = found.TryGetValue(id, out var author) ? author.DisplayText ?? "" : null;
            }
        }

        var names = ids.Select(id => _authorNames[id]).OfType<string>().Where(n => n.Length > 0).ToList();
        return SearchDocumentBuilder.Build(item, texts ?? SearchDocumentBuilder.Texts(item, type, set), names);
    }
}
