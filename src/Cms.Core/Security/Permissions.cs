namespace Cms.Core.Security;

/// <summary>Global permission names, as Orchard Core spells them.</summary>
public static class Permissions
{
    public const string ManageUsers = "ManageUsers";
    public const string ManageRoles = "ManageRoles";
    public const string ManageOpenIdApplications = "ManageOpenIdApplications";
    public const string ManageContentTypes = "ManageContentTypes";
    public const string ManageMedia = "ManageMedia";

    /// <summary>Browse the library and upload; change and delete only one's own files (implied by <see cref="ManageMedia"/>).</summary>
    public const string ManageOwnMedia = "ManageOwnMedia";
    public const string DeleteUsedMedia = "DeleteUsedMedia";
    public const string ViewAuditTrail = "ViewAuditTrail";
    public const string ExecuteGraphQL = "ExecuteGraphQL";
    public const string AccessAdminPanel = "AccessAdminPanel";
    public const string ManageSettings = "ManageSettings";

    /// <summary>Register webhook endpoints, read their delivery logs and redeliver.</summary>
    public const string ManageWebhooks = "ManageWebhooks";
    /// <summary>Download the whole site as a recipe folder (content with drafts, roles, API clients without secrets, media).</summary>
    public const string ExportSite = "ExportSite";

    public static readonly IReadOnlyList<string> Global =
    [
        ManageUsers, ManageRoles, ManageOpenIdApplications, ManageContentTypes, ManageMedia,
        ViewAuditTrail, ExecuteGraphQL, AccessAdminPanel, ManageSettings, DeleteUsedMedia, ManageOwnMedia,
        ManageWebhooks,
        ExportSite,
    ];
}
