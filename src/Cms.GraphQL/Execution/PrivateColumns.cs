using Cms.Core.Content;
using Cms.Core.Queries;
using Cms.Core.Security;
using Cms.GraphQL.Schema;
using GraphQL;

namespace Cms.GraphQL.Execution;

/// <summary>
/// The one rule for what GraphQL tells about who wrote an item and about unpublished versions.
/// <c>owner</c> (a user id) and <c>author</c> (a login name) are shown only to callers who may edit the item, and
/// filtering or sorting by them needs Edit on every item of the type (else the answers would spell out login names
/// one comparison at a time). Sorting by <c>latest</c> tells which published items have a pending draft, so it needs
/// the preview permission. The public byline is the item's Author items, through its pickers.
/// </summary>
internal static class PrivateColumns
{
    public static bool IsAuthorship(ContentColumn column) => column is ContentColumn.Owner or ContentColumn.Author;

    /// <summary>Whether the caller may read <c>owner</c> / <c>author</c> of this item.</summary>
    public static Task<bool> MayReadAuthorshipAsync(GraphQLRequestContext request, ContentItem item, CancellationToken cancellationToken) =>
        request.Access.IsAllowedAsync(ContentAction.Edit, item, cancellationToken);

    /// <summary>Refuses filters and sorts on owner / author (and sorts on latest outside a preview) the caller may not use.</summary>
    public static async Task CheckAsync(GraphQLRequestContext request, string contentType, ContentFilter? where, IReadOnlyList<ContentSort> sorts, bool preview, CancellationToken cancellationToken)
    {
        var authorship = Uses(where) || sorts.Any(s => s.Column is { } c && IsAuthorship(c));
        if (authorship && await request.Access.GetScopeAsync(ContentAction.Edit, contentType, cancellationToken) != AccessScope.All)
        {
            throw new ExecutionError(
                $"Filtering or sorting by owner or author needs the permission {ContentPermissions.Name(ContentAction.Edit, contentType, own: false)}.")
            { Code = "ACCESS_DENIED" };
        }

        if (!preview && sorts.Any(s => s.Column == ContentColumn.Latest)
            && await request.Access.GetScopeAsync(ContentAction.Preview, contentType, cancellationToken) != AccessScope.All)
        {
            throw new ExecutionError(
                $"Sorting published items by latest needs the permission {ContentPermissions.Name(ContentAction.Preview, contentType, own: false)}.")
            { Code = "ACCESS_DENIED" };
        }
    }

    /// <summary>
    /// The <c>latest</c> flag as the caller may know it: the real flag when they may preview the item; otherwise the
    /// version they can read is the newest they can know of, and a pending draft stays invisible.
    /// </summary>
    public static async Task<bool> LatestAsync(GraphQLRequestContext request, ContentNode node, CancellationToken cancellationToken) =>
        node.Item.Latest || (!node.Preview && !await request.Access.IsAllowedAsync(ContentAction.Preview, node.Item, cancellationToken));

    private static bool Uses(ContentFilter? filter) => filter switch
    {
        ColumnFilter column => IsAuthorship(column.Column),
        AndFilter and => and.Filters.Any(Uses),
        OrFilter or => or.Filters.Any(Uses),
        NotFilter not => Uses(not.Filter),
        _ => false,
    };
}
