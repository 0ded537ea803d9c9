using System.Security.Claims;
using Cms.Core.Storage;
using Cms.Security.Administration;
using Cms.Security.Permissions;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using CorePermissions = Cms.Core.Security.Permissions;

namespace Cms.Security.OpenId;

/// <summary>
/// API clients for the admin screens; every method demands <c>ManageOpenIdApplications</c>. Secrets are generated
/// here, returned once, and stored hashed by OpenIddict.
/// </summary>
public sealed class ClientAdministration(
    OpenIdClientStore store,
    IOpenIddictApplicationManager applications,
    IOpenIddictTokenManager tokens,
    IOpenIddictAuthorizationManager authorizations,
    IPermissionService permissions,
    IUnitOfWork unitOfWork,
    ILogger<ClientAdministration> logger)
{
    public async Task<IReadOnlyList<ClientSummary>> ListAsync(ClaimsPrincipal caller, CancellationToken cancellationToken = default)
    {
        await permissions.DemandAsync(caller, CorePermissions.ManageOpenIdApplications, cancellationToken);
        return await store.ListAsync(cancellationToken);
    }

    public async Task<ClientSummary?> GetAsync(ClaimsPrincipal caller, string clientId, CancellationToken cancellationToken = default)
    {
        await permissions.DemandAsync(caller, CorePermissions.ManageOpenIdApplications, cancellationToken);
        return await store.GetAsync(clientId, cancellationToken);
    }

    /// <summary>Creates the client; a confidential client's generated secret is in the result, and only there.</summary>
    public async Task<AdminResult<ClientSecret>> CreateAsync(ClaimsPrincipal caller, ClientInput input, CancellationToken cancellationToken = default)
    {
        await permissions.DemandAsync(caller, CorePermissions.ManageOpenIdApplications, cancellationToken);
        var secret = input.Type == ClientType.Confidential ? OpenIdClientStore.NewSecret() : null;
        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        var saved = await store.SaveAsync(input, secret, mustBeNew: true, cancellationToken);
        if (!saved.Succeeded)
        {
            return saved.As<ClientSecret>();
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("API client {ClientId} created by {Caller}", input.ClientId, caller.GetActorName());
        return AdminResult.Ok(new ClientSecret(input.ClientId.Trim(), secret));
    }

    /// <summary>Changes everything but the client id, the type and the secret.</summary>
    public async Task<AdminResult> UpdateAsync(ClaimsPrincipal caller, string clientId, ClientInput input, CancellationToken cancellationToken = default)
    {
        await permissions.DemandAsync(caller, CorePermissions.ManageOpenIdApplications, cancellationToken);
        if (await store.GetAsync(clientId, cancellationToken) is null)
        {
            return AdminResult.Missing($"The client '{clientId}'");
        }

        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        var saved = await store.SaveAsync(input with { ClientId = clientId }, secret: null, mustBeNew: false, cancellationToken);
        if (!saved.Succeeded)
        {
            return saved;
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("API client {ClientId} updated by {Caller}", clientId, caller.GetActorName());
        return AdminResult.Ok();
    }

    /// <summary>Replaces the secret; the old one stops working at once. The new secret is in the result, and only there.</summary>
    public async Task<AdminResult<ClientSecret>> RotateSecretAsync(ClaimsPrincipal caller, string clientId, CancellationToken cancellationToken = default)
    {
        await permissions.DemandAsync(caller, CorePermissions.ManageOpenIdApplications, cancellationToken);
        var secret = OpenIdClientStore.NewSecret();
        var saved = await store.SetSecretAsync(clientId, secret, cancellationToken);
        if (!saved.Succeeded)
        {
            return saved.As<ClientSecret>();
        }

        logger.LogInformation("Secret of API client {ClientId} rotated by {Caller}", clientId, caller.GetActorName());
        return AdminResult.Ok(new ClientSecret(clientId, secret));
    }

    /// <summary>Deletes the client and revokes every token it was given.</summary>
    public async Task<AdminResult> DeleteAsync(ClaimsPrincipal caller, string clientId, CancellationToken cancellationToken = default)
    {
        await permissions.DemandAsync(caller, CorePermissions.ManageOpenIdApplications, cancellationToken);
        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is not { } application)
        {
            return AdminResult.Missing($"The client '{clientId}'");
        }

        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        var id = await applications.GetIdAsync(application, cancellationToken);
        if (id is not null)
        {
            await tokens.RevokeByApplicationIdAsync(id, cancellationToken);
            await authorizations.RevokeByApplicationIdAsync(id, cancellationToken);
        }

        await applications.DeleteAsync(application, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("API client {ClientId} deleted by {Caller}", clientId, caller.GetActorName());
        return AdminResult.Ok();
    }
}
