namespace Cms.Admin.Services;

/// <summary>A row of the users list.</summary>
public sealed record AdminUserSummary(
    string Id,
    string UserName,
    string? DisplayName,
    string? Email,
    bool IsEnabled,
    bool IsLockedOut,
    DateTime CreatedUtc,
    IReadOnlyList<string> Roles);
