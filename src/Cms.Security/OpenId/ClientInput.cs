namespace Cms.Security.OpenId;

/// <summary>
/// The API client form. Redirect URIs must be absolute and are compared exactly (character for character) by the
/// server. <see cref="Roles"/> are the roles a client-credentials token acts with.
/// </summary>
public sealed record ClientInput
{
    public required string ClientId { get; init; }
    public required string DisplayName { get; init; }
    public ClientType Type { get; init; } = ClientType.Confidential;
    public IReadOnlyList<string> RedirectUris { get; init; } = [];
    public IReadOnlyList<string> PostLogoutRedirectUris { get; init; } = [];
    public bool AllowClientCredentialsFlow { get; init; }
    public bool AllowAuthorizationCodeFlow { get; init; }
    public bool AllowRefreshTokenFlow { get; init; }

    /// <summary>Always on for public clients; the server requires PKCE for every authorization code request anyway.</summary>
    public bool RequireProofKeyForCodeExchange { get; init; } = true;

    public IReadOnlyList<string> Roles { get; init; } = [];
}
