namespace Cms.Admin.Services;

/// <summary>A row of the roles list. <see cref="HasAllPermissions"/>: the Administrator role.</summary>
public sealed record AdminRoleSummary(
    string Name,
    string? Description,
    int UserCount,
    int PermissionCount,
    bool HasAllPermissions,
    bool IsSystem);
