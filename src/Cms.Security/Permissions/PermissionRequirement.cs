using Microsoft.AspNetCore.Authorization;

namespace Cms.Security.Permissions;

/// <summary>The caller must hold this permission (global or per type).</summary>
public sealed class PermissionRequirement(string permission) : IAuthorizationRequirement
{
    public string Permission { get; } = permission;

    public override string ToString() => $"Permission '{Permission}'";
}
