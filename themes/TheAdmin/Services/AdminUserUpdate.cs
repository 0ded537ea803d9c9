namespace Cms.Admin.Services;

/// <summary>What an administrator may change on a user.</summary>
public sealed record AdminUserUpdate(
    string? DisplayName,
    string Email,
    bool IsEnabled,
    IReadOnlyCollection<string> Roles);
