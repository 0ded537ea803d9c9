namespace Cms.Admin.Services;

/// <summary>A client as the list and the edit page show it (never its secret or secret hash).</summary>
public sealed record AdminClientDetails(
    string ClientId,
    string DisplayName,
    AdminClientType Type,
    bool AllowClientCredentials,
    bool AllowAuthorizationCode,
    bool AllowRefreshToken,
    bool RequirePkce,
    IReadOnlyList<string> RedirectUris,
    IReadOnlyList<string> PostLogoutRedirectUris,
    IReadOnlyList<string> Roles);
