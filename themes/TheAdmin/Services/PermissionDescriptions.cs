using Cms.Core.Content;
using Cms.Core.Security;

namespace Cms.Admin.Services;

/// <summary>The sentences that explain permissions to administrators, and the content-type matrix layout.</summary>
public static class PermissionDescriptions
{
    private static readonly Dictionary<string, string> Global = new(StringComparer.Ordinal)
    {
        [Permissions.AccessAdminPanel] = "Use the admin",
        [Permissions.ManageUsers] = "Manage users",
        [Permissions.ManageRoles] = "Manage roles and their permissions",
        [Permissions.ManageOpenIdApplications] = "Manage API clients",
        [Permissions.ManageContentTypes] = "Manage content types",
        [Permissions.ManageMedia] = "Manage the media library",
        [Permissions.ViewAuditTrail] = "View the audit trail",
        [Permissions.ExecuteGraphQL] = "Query the GraphQL API",
        [Permissions.ManageSettings] = "Manage site settings",
        [Permissions.DeleteUsedMedia] = "Delete media that content still uses",
    };

    /// <summary>The content actions in the order the matrix shows them, with their row titles.</summary>
    public static readonly IReadOnlyList<(ContentAction Action, string Title)> ContentActions =
    [
        (ContentAction.View, "View"),
        (ContentAction.Preview, "Preview drafts"),
        (ContentAction.Edit, "Edit"),
        (ContentAction.Publish, "Publish and unpublish"),
        (ContentAction.Delete, "Delete"),
    ];

    public static string ForGlobal(string permission) => Global.GetValueOrDefault(permission, permission);

    public static string ForContent(ContentAction action, string typeDisplayName, bool own)
    {
        var verb = action switch
        {
            ContentAction.View => "View",
            ContentAction.Preview => "Preview drafts of",
            ContentAction.Edit => "Edit",
            ContentAction.Publish => "Publish and unpublish",
            ContentAction.Delete => "Delete",
            _ => action.ToString(),
        };
        return own ? $"{verb} own {typeDisplayName} items" : $"{verb} all {typeDisplayName} items";
    }

    public static string ForList(string typeDisplayName) => $"List {typeDisplayName} items in the admin";
}
