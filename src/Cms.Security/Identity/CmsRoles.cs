namespace Cms.Security.Identity;

/// <summary>The newsroom's roles. Administrator, Anonymous and Authenticated are system roles.</summary>
public static class CmsRoles
{
    /// <summary>Holds every permission (not stored); cannot be deleted; its last enabled member cannot be removed or disabled.</summary>
    public const string Administrator = "Administrator";
    public const string Editor = "Editor";
    public const string Author = "Author";
    public const string Contributor = "Contributor";

    /// <summary>Applies to every signed-in user (not to client applications). Never assigned explicitly.</summary>
    public const string Authenticated = "Authenticated";

    /// <summary>Applies to callers who are not signed in. Never assigned explicitly.</summary>
    public const string Anonymous = "Anonymous";

    /// <summary>Roles the system relies on: they cannot be deleted.</summary>
    public static bool IsSystem(string role) =>
        string.Equals(role, Administrator, StringComparison.OrdinalIgnoreCase)
        || IsImplicit(role);

    /// <summary>Roles that apply by themselves and cannot be given to a user or a client.</summary>
    public static bool IsImplicit(string role) =>
        string.Equals(role, Authenticated, StringComparison.OrdinalIgnoreCase)
        || string.Equals(role, Anonymous, StringComparison.OrdinalIgnoreCase);

    public static bool IsAdministrator(string role) => string.Equals(role, Administrator, StringComparison.OrdinalIgnoreCase);
}
