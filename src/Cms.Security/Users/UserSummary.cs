namespace Cms.Security.Users;

/// <summary>A user as the admin shows it. Never carries password hashes or security stamps.</summary>
public sealed record UserSummary(
    string Id,
    string UserName,
    string? Email,
    string? DisplayName,
    bool IsEnabled,
    bool IsLockedOut,
    IReadOnlyList<string> Roles,
    DateTime CreatedUtc)
{
    /// <summary>Signs in with a code from an authenticator app after the password.</summary>
    public bool IsTwoFactorEnabled { get; init; }
}
