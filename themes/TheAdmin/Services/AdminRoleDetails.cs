namespace Cms.Admin.Services;

/// <summary>A role with its granted permission names.</summary>
public sealed record AdminRoleDetails(
    string Name,
    string? Description,
    bool HasAllPermissions,
    bool IsSystem,
    IReadOnlySet<string> Permissions);
