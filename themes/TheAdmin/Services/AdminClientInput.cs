namespace Cms.Admin.Services;

/// <summary>A client as the admin creates or edits it. <see cref="Roles"/> are the roles a client-credentials client acts with.</summary>
public sealed record AdminClientInput(
    string ClientId,
    string DisplayName,
    AdminClientType Type,
    bool AllowClientCredentials,
    bool AllowAuthorizationCode,
    bool AllowRefreshToken,
    IReadOnlyList<string> RedirectUris,
    IReadOnlyList<string> PostLogoutRedirectUris,
    IReadOnlyCollection<string> Roles);
