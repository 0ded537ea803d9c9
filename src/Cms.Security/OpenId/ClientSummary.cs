namespace Cms.Security.OpenId;

/// <summary>An API client as the admin shows it. The secret is never shown again after creation or rotation.</summary>
public sealed record ClientSummary(
    string ClientId,
    string DisplayName,
    ClientType Type,
    IReadOnlyList<string> RedirectUris,
    IReadOnlyList<string> PostLogoutRedirectUris,
    bool AllowClientCredentialsFlow,
    bool AllowAuthorizationCodeFlow,
    bool AllowRefreshTokenFlow,
    bool RequireProofKeyForCodeExchange,
    IReadOnlyList<string> Roles);
