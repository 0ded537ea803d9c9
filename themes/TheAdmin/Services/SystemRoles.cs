using Cms.Security.Setup;

namespace Cms.Admin.Services;

/// <summary>
/// Roles the system itself relies on. Administrator holds every permission; Authenticated and Anonymous
/// match every signed-in user and every visitor, so nobody is put in them by hand. None can be deleted.
/// </summary>
public static class SystemRoles
{
    public const string Administrator = AdministratorSetup.AdministratorRole;
    public const string Authenticated = "Authenticated";
    public const string Anonymous = "Anonymous";

    /// <summary>The role claim type that carries a permission name, as in Orchard Core.</summary>
    public const string PermissionClaimType = "Permission";

    public static bool IsSystem(string roleName) =>
        string.Equals(roleName, Administrator, StringComparison.OrdinalIgnoreCase)
        || IsImplicit(roleName);

    public static bool IsImplicit(string roleName) =>
        string.Equals(roleName, Authenticated, StringComparison.OrdinalIgnoreCase)
        || string.Equals(roleName, Anonymous, StringComparison.OrdinalIgnoreCase);

    public static bool IsAdministrator(string roleName) =>
        string.Equals(roleName, Administrator, StringComparison.OrdinalIgnoreCase);
}
