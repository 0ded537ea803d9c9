namespace Cms.Security.Users;

/// <summary>The create-user form.</summary>
public sealed record NewUser
{
    public required string UserName { get; init; }
    public required string Email { get; init; }
    public string? DisplayName { get; init; }
    public required string Password { get; init; }
    public IReadOnlyList<string> Roles { get; init; } = [];
    public bool IsEnabled { get; init; } = true;
}
