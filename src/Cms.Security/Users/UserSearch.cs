namespace Cms.Security.Users;

/// <summary>A page of the user list: <see cref="Text"/> matches user name, email or display name.</summary>
public sealed record UserSearch
{
    public const int MaxPageSize = 100;

    public string? Text { get; init; }

    /// <summary>Only users in this role.</summary>
    public string? Role { get; init; }

    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;
}
