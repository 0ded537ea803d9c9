namespace Cms.GraphQL.Schema;

/// <summary>A page of search results and, when <c>totalCount</c> is selected, the number of all matches.</summary>
internal sealed record SearchPage(IReadOnlyList<SearchHitNode> Items, int? TotalCount);
