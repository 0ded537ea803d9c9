using Cms.Core.Content;

namespace Cms.Admin.Navigation;

/// <summary>
/// The layout of a content type's permission matrix: its rows, in order, with their titles. Only layout: the
/// permissions and their descriptions come from the catalogue (<c>PermissionCatalogue</c>).
/// </summary>
public static class PermissionMatrixRows
{
    public static readonly IReadOnlyList<(ContentAction Action, string Title)> ContentActions =
    [
        (ContentAction.View, "View"),
        (ContentAction.Preview, "Preview drafts"),
        (ContentAction.Edit, "Edit"),
        (ContentAction.Publish, "Publish and unpublish"),
        (ContentAction.Delete, "Delete"),
    ];
}
