namespace Cms.Security.Roles;

/// <summary>A role as the admin shows it.</summary>
/// <param name="Permissions">Stored permissions (sorted); empty for Administrator, which holds all.</param>
/// <param name="IsSystem">Administrator, Authenticated and Anonymous: they cannot be deleted or renamed.</param>
/// <param name="HasAllPermissions">True for Administrator: its permissions cannot be edited.</param>
/// <param name="UserCount">Users who have the role (0 for the implicit Authenticated and Anonymous roles).</param>
public sealed record RoleSummary(
    string Name,
    string? Description,
    IReadOnlyList<string> Permissions,
    bool IsSystem,
    bool HasAllPermissions,
    int UserCount);
