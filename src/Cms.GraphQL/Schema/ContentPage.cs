namespace Cms.GraphQL.Schema;

/// <summary>One page of a list query and, when <c>totalCount</c> is selected, the number of all matches.</summary>
internal sealed record ContentPage(IReadOnlyList<ContentNode> Items, int? TotalCount);
