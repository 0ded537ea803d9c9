using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using Cms.Core.Metadata;
using Cms.Core.Security;

namespace Cms.Security.Permissions;

/// <summary>
/// Every permission that exists now: the global ones and, for each securable content type in the current
/// definitions, its per type ones. Feeds the role editor's matrix and checks recipe and form input.
/// </summary>
public sealed class PermissionCatalogue(IContentDefinitionManager definitions)
{
    // Definition sets are immutable, and every permission check asks for the names: built once per set.
    // Kept as completed tasks, so that a check of a request that already has the definitions allocates nothing.
    private static readonly ConditionalWeakTable<ContentDefinitionSet, Task<IReadOnlySet<string>>> Names = [];

    private static readonly Dictionary<string, string> GlobalDescriptions = new(StringComparer.Ordinal)
    {
        [Core.Security.Permissions.ManageUsers] = "Create, edit, disable users and assign their roles.",
        [Core.Security.Permissions.ManageRoles] = "Create, edit and delete roles and their permissions.",
        [Core.Security.Permissions.ManageOpenIdApplications] = "Manage API clients (OpenID Connect applications) and their secrets.",
        [Core.Security.Permissions.ManageContentTypes] = "Change content types, parts and fields.",
        [Core.Security.Permissions.ManageMedia] = "Upload, replace and delete media files.",
        [Core.Security.Permissions.ViewAuditTrail] = "See the audit trail.",
        [Core.Security.Permissions.ExecuteGraphQL] = "Run GraphQL queries on /api/graphql.",
        [Core.Security.Permissions.AccessAdminPanel] = "Open the admin.",
        [Core.Security.Permissions.ManageSettings] = "Change site settings.",
        [Core.Security.Permissions.DeleteUsedMedia] = "Delete media files that content still uses (with ManageMedia).",
        [Core.Security.Permissions.ManageOwnMedia] = "Browse the media library and upload files; change and delete only the files one uploaded.",
        [Core.Security.Permissions.ManageWebhooks] = "Register webhook endpoints, see their delivery logs and redeliver.",
        [Core.Security.Permissions.ExportSite] = "Download the whole site as a recipe folder (all content with drafts, roles, API clients without secrets, media).",
    };

    public async Task<IReadOnlyList<PermissionGroup>> GetGroupsAsync(CancellationToken cancellationToken = default)
    {
        var set = await definitions.GetAsync(cancellationToken);
        var groups = new List<PermissionGroup>
        {
            new(PermissionNames.GlobalGroup, "Global", null,
                [.. Core.Security.Permissions.Global.Select(p => new PermissionDescriptor(p, GlobalDescriptions.GetValueOrDefault(p, p), PermissionNames.ImpliedBy(p)))]),
        };
        foreach (var type in set.Types.Values.Where(t => t.Settings.Securable).OrderBy(t => t.DisplayName, StringComparer.OrdinalIgnoreCase))
        {
            groups.Add(new PermissionGroup(type.Name, $"{type.DisplayName} content type", type.Name,
                [.. ContentPermissions.ForType(type.Name).Select(p => new PermissionDescriptor(p, Describe(p, type.DisplayName), PermissionNames.ImpliedBy(p)))]));
        }

        return groups;
    }

    /// <summary>Every permission name that exists now.</summary>
    public Task<IReadOnlySet<string>> GetNamesAsync(CancellationToken cancellationToken = default)
    {
        var set = definitions.GetAsync(cancellationToken);
        return set.IsCompletedSuccessfully ? NamesOf(set.Result) : NamesAsync(set);

        static async Task<IReadOnlySet<string>> NamesAsync(Task<ContentDefinitionSet> set) => await NamesOf(await set);
    }

    private static Task<IReadOnlySet<string>> NamesOf(ContentDefinitionSet set) =>
        Names.GetValue(set, static set =>
        {
            var names = new HashSet<string>(Core.Security.Permissions.Global, StringComparer.Ordinal);
            foreach (var type in set.Types.Values.Where(t => t.Settings.Securable))
            {
                names.UnionWith(ContentPermissions.ForType(type.Name));
            }

            return Task.FromResult<IReadOnlySet<string>>(names.ToFrozenSet(StringComparer.Ordinal));
        });

    private static string Describe(string permission, string typeName)
    {
        var action = PermissionNames.TryParseContent(permission, out var parsed, out _) ? parsed : "";
        return action switch
        {
            "Publish" => $"Publish and unpublish any {typeName}.",
            "PublishOwn" => $"Publish and unpublish their own {typeName} items.",
            "Edit" => $"Create and edit any {typeName}.",
            "EditOwn" => $"Create {typeName} items and edit their own.",
            "Delete" => $"Delete any {typeName}.",
            "DeleteOwn" => $"Delete their own {typeName} items.",
            "View" => $"Read any {typeName}.",
            "ViewOwn" => $"Read their own {typeName} items.",
            "Preview" => $"Preview drafts of any {typeName}.",
            "PreviewOwn" => $"Preview drafts of their own {typeName} items.",
            "ListContent" => $"List {typeName} items in the admin.",
            "Submit" => $"Send any {typeName} for review and pull it back.",
            "SubmitOwn" => $"Send their own {typeName} items for review and pull them back.",
            "Review" => $"Review {typeName} items: approve them or request changes, and assign reviewers.",
            _ => permission,
        };
    }
}
