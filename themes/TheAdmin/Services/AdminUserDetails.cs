namespace Cms.Admin.Services;

/// <summary>A user as the edit page shows it (never the password hash or security stamp).</summary>
public sealed record AdminUserDetails(
    string Id,
    string UserName,
    string? DisplayName,
    string? Email,
    bool IsEnabled,
    bool IsLockedOut,
    DateTime CreatedUtc,
    IReadOnlyList<string> Roles)
{
    /// <summary>Signs in with a code from an authenticator app after the password.</summary>
    public bool IsTwoFactorEnabled { get; init; }
}
