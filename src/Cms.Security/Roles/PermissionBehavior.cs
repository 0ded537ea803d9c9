namespace Cms.Security.Roles;

/// <summary>How the <c>Roles</c> recipe step treats a role's existing permissions (Orchard Core's <c>PermissionBehavior</c>).</summary>
public enum PermissionBehavior
{
    /// <summary>The role ends up with exactly the listed permissions (default).</summary>
    Replace,

    /// <summary>The listed permissions are added to the existing ones.</summary>
    Add,

    /// <summary>The listed permissions are removed.</summary>
    Remove,
}
