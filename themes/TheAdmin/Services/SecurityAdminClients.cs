using System.Security.Claims;
using Cms.Security.OpenId;
using Microsoft.AspNetCore.Http;
using SecurityResult = Cms.Security.Administration.AdminResult;

namespace Cms.Admin.Services;

/// <summary>
/// The API-client screens on the security capability's <see cref="ClientAdministration"/>: one implementation of
/// the rules (permission check, hashed secrets shown once, exact redirect URIs, allowed flows, client roles) for
/// the admin, recipes and tests alike. The acting user is the request's.
/// </summary>
public sealed class SecurityAdminClients(ClientAdministration clients, IHttpContextAccessor http) : IAdminClients
{
    private ClaimsPrincipal Caller => http.HttpContext?.User ?? throw new InvalidOperationException("API clients are managed within a request.");

    public async Task<IReadOnlyList<AdminClientDetails>> ListAsync(CancellationToken cancellationToken = default) =>
        [.. (await clients.ListAsync(Caller, cancellationToken)).Select(ToDetails).OrderBy(c => c.ClientId, StringComparer.OrdinalIgnoreCase)];

    public async Task<AdminClientDetails?> FindAsync(string clientId, CancellationToken cancellationToken = default) =>
        await clients.GetAsync(Caller, clientId, cancellationToken) is { } client ? ToDetails(client) : null;

    public async Task<AdminResult<string?>> CreateAsync(AdminClientInput input, CancellationToken cancellationToken = default)
    {
        var result = await clients.CreateAsync(Caller, ToInput(input), cancellationToken);
        return result.Succeeded ? AdminResult.Ok(result.Value!.Secret) : Errors(result).As<string?>();
    }

    public async Task<AdminResult> UpdateAsync(string clientId, AdminClientInput input, CancellationToken cancellationToken = default) =>
        Errors(await clients.UpdateAsync(Caller, clientId, ToInput(input with { ClientId = clientId }), cancellationToken));

    public async Task<AdminResult<string>> RotateSecretAsync(string clientId, CancellationToken cancellationToken = default)
    {
        var result = await clients.RotateSecretAsync(Caller, clientId, cancellationToken);
        return result.Succeeded && result.Value!.Secret is { } secret ? AdminResult.Ok(secret) : Errors(result).As<string>();
    }

    public async Task<AdminResult> DeleteAsync(string clientId, CancellationToken cancellationToken = default) =>
        Errors(await clients.DeleteAsync(Caller, clientId, cancellationToken));

    private static ClientInput ToInput(AdminClientInput input) => new()
    {
        ClientId = input.ClientId.Trim(),
        DisplayName = input.DisplayName.Trim(),
        Type = input.Type == AdminClientType.Public ? ClientType.Public : ClientType.Confidential,
        AllowClientCredentialsFlow = input.AllowClientCredentials,
        AllowAuthorizationCodeFlow = input.AllowAuthorizationCode,
        AllowRefreshTokenFlow = input.AllowRefreshToken,
        RedirectUris = input.RedirectUris,
        PostLogoutRedirectUris = input.PostLogoutRedirectUris,
        Roles = [.. input.Roles],
    };

    private static AdminClientDetails ToDetails(ClientSummary client) => new(
        client.ClientId,
        client.DisplayName,
        client.Type == ClientType.Public ? AdminClientType.Public : AdminClientType.Confidential,
        client.AllowClientCredentialsFlow,
        client.AllowAuthorizationCodeFlow,
        client.AllowRefreshTokenFlow,
        client.RequireProofKeyForCodeExchange,
        client.RedirectUris,
        client.PostLogoutRedirectUris,
        client.Roles);

    /// <summary>The security layer's errors with the admin form's field names (the flow check boxes share one).</summary>
    private static AdminResult Errors(SecurityResult result) => SecurityResults.ToAdmin(result, FieldOf);

    private static string FieldOf(string field) => field switch
    {
        "AllowClientCredentialsFlow" or "AllowAuthorizationCodeFlow" or "AllowRefreshTokenFlow" or "RequireProofKeyForCodeExchange" => "Flows",
        _ => field,
    };
}
