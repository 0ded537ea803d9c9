using Cms.Core.Content;
using Cms.Core.Metadata;
using Cms.Core.Queries;

namespace Cms.Core.Search;

/// <summary>
/// Full-text search over published items, the one rule for GraphQL's <c>search</c> and the admin's content list: the
/// text is bounded and turned into plain words (<see cref="SearchText"/>), filters become SQL over the version and index
/// tables, and the content manager narrows the query to what the caller may view, so results, snippets and the total
/// only ever count published items the caller may read. Drafts are never in the index.
/// </summary>
public sealed class ContentSearchService(IContentManager content, IContentDefinitionManager definitions)
{
    public const int MaxPageSize = 100;
    public const int MaxSkip = 10_000;

    public async Task<ContentSearchResult> SearchAsync(ContentSearchRequest request, CancellationToken cancellationToken = default)
    {
        var text = SearchText.Parse(request.Text);
        if (request.Take is < 0 or > MaxPageSize)
        {
            throw new ContentValidationException("$.first", $"must be between 0 and {MaxPageSize}.");
        }

        if (request.Skip is < 0 or > MaxSkip)
        {
            throw new ContentValidationException("$.skip", $"must be between 0 and {MaxSkip}.");
        }

        if (request.FromUtc is { } from && request.ToUtc is { } to && from > to)
        {
            throw new ContentValidationException("$.from", "must not be after 'to'.");
        }

        var set = await definitions.GetAsync(cancellationToken);
        var searchable = SearchableTypes.Of(set);
        if (request.ContentType is { Length: > 0 } one)
        {
            searchable = searchable.Where(t => t.Name == one).ToList();
            if (searchable.Count == 0)
            {
                throw new ContentValidationException("$.type", $"'{one}' is not a searchable content type.");
            }
        }

        if (searchable.Count == 0)
        {
            return new ContentSearchResult([], request.IncludeTotal ? 0 : null);
        }

        var filters = new List<ContentFilter>
        {
            new ColumnFilter(ContentColumn.ContentType, FilterOperator.In, searchable.Select(t => t.Name).ToList()),
        };
        if (request.SectionId is { Length: > 0 } section)
        {
            filters.Add(PickerReferences.Filter(set, searchable, PickerReferences.SectionType, section));
        }

        if (request.AuthorId is { Length: > 0 } author)
        {
            filters.Add(PickerReferences.Filter(set, searchable, PickerReferences.AuthorType, author));
        }

        if (request.FromUtc is { } fromUtc)
        {
            filters.Add(new ColumnFilter(ContentColumn.PublishedUtc, FilterOperator.GreaterThanOrEqual, fromUtc));
        }

        if (request.ToUtc is { } toUtc)
        {
            filters.Add(new ColumnFilter(ContentColumn.PublishedUtc, FilterOperator.LessThan, toUtc));
        }

        var result = await content.QueryAsync(new ContentQuery
        {
            ContentType = request.ContentType is { Length: > 0 } ? request.ContentType : null,
            Status = ContentStatus.Published,
            FullText = new FullTextQuery(text.Terms),
            Where = new AndFilter(filters),
            Skip = request.Skip,
            Take = request.Take,
            IncludeTotal = request.IncludeTotal,
        }, cancellationToken);

        var hits = new List<ContentSearchHit>(result.Items.Count);
        for (var i = 0; i < result.Items.Count; i++)
        {
            var match = result.Matches is { } matches && i < matches.Count ? matches[i] : null;
            hits.Add(new ContentSearchHit(result.Items[i], match?.Score ?? 0, SearchSnippet.ToHtml(match?.MarkedSnippet)));
        }

        return new ContentSearchResult(hits, result.Total);
    }
}
