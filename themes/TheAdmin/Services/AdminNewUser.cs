namespace Cms.Admin.Services;

public sealed record AdminNewUser(
    string UserName,
    string? DisplayName,
    string Email,
    string Password,
    bool IsEnabled,
    IReadOnlyCollection<string> Roles);
