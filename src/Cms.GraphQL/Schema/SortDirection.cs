namespace Cms.GraphQL.Schema;

/// <summary>Values of the <c>OrderByDirection</c> enum.</summary>
internal enum SortDirection
{
    Ascending,
    Descending,
}
