using System.Security.Cryptography;
using System.Text.Json;
using Cms.Data.Entities;
using Cms.Security.Administration;
using Cms.Security.Identity;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;
using OidcPermissions = OpenIddict.Abstractions.OpenIddictConstants.Permissions;

namespace Cms.Security.OpenId;

/// <summary>Turns <see cref="ClientInput"/> into OpenIddict applications and back; no permission checks (callers do them).</summary>
public sealed class OpenIdClientStore(IOpenIddictApplicationManager applications, RoleManager<CmsRole> roles)
{
    /// <summary>The application property that holds the client-credentials roles (a JSON array of names).</summary>
    public const string RolesProperty = "roles";

    public static string NewSecret() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public async Task<IReadOnlyList<ClientSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var result = new List<ClientSummary>();
        await foreach (var application in applications.ListAsync(null, null, cancellationToken))
        {
            result.Add(await ToSummaryAsync(application, cancellationToken));
        }

        return [.. result.OrderBy(c => c.ClientId, StringComparer.Ordinal)];
    }

    public async Task<ClientSummary?> GetAsync(string clientId, CancellationToken cancellationToken) =>
        await applications.FindByClientIdAsync(clientId, cancellationToken) is { } application
            ? await ToSummaryAsync(application, cancellationToken)
            : null;

    /// <summary>Creates or updates. A null <paramref name="secret"/> keeps the current one (updates) or, for a new confidential client, is an error.</summary>
    public async Task<AdminResult> SaveAsync(ClientInput input, string? secret, bool mustBeNew, CancellationToken cancellationToken)
    {
        var errors = await ValidateAsync(input, cancellationToken);
        if (errors.Count > 0)
        {
            return AdminResult.Fail(errors);
        }

        var existing = await applications.FindByClientIdAsync(input.ClientId.Trim(), cancellationToken);
        if (existing is not null && mustBeNew)
        {
            return AdminResult.Fail("ClientId", $"A client with id '{input.ClientId}' already exists.");
        }

        var descriptor = new OpenIddictApplicationDescriptor();
        if (existing is not null)
        {
            await applications.PopulateAsync(descriptor, existing, cancellationToken);
            var currentType = string.Equals(descriptor.ClientType, ClientTypes.Public, StringComparison.Ordinal) ? ClientType.Public : ClientType.Confidential;
            if (currentType != input.Type)
            {
                return AdminResult.Fail("Type", "The client type cannot change; delete the client and create it again.");
            }
        }
        else if (input.Type == ClientType.Confidential && string.IsNullOrEmpty(secret))
        {
            return AdminResult.Fail("ClientSecret", "A confidential client needs a secret.");
        }

        Fill(descriptor, input);
        if (input.Type == ClientType.Public)
        {
            descriptor.ClientSecret = null;
        }
        else if (!string.IsNullOrEmpty(secret))
        {
            descriptor.ClientSecret = secret;
        }

        try
        {
            if (existing is null)
            {
                await applications.CreateAsync(descriptor, cancellationToken);
            }
            else
            {
                await applications.UpdateAsync(existing, descriptor, cancellationToken);
            }
        }
        catch (OpenIddictExceptions.ValidationException ex)
        {
            return AdminResult.Fail([.. ex.Results.Select(r => new AdminError("", r.ErrorMessage ?? "The client is not valid."))]);
        }

        return AdminResult.Ok();
    }

    public async Task<AdminResult> SetSecretAsync(string clientId, string secret, CancellationToken cancellationToken)
    {
        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is not { } application)
        {
            return AdminResult.Missing($"The client '{clientId}'");
        }

        if (await applications.HasClientTypeAsync(application, ClientTypes.Public, cancellationToken))
        {
            return AdminResult.Fail("ClientSecret", "A public client has no secret.");
        }

        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        descriptor.ClientSecret = secret;
        await applications.UpdateAsync(application, descriptor, cancellationToken);
        return AdminResult.Ok();
    }

    /// <summary>The roles stored on an application.</summary>
    public async Task<IReadOnlyList<string>> GetRolesAsync(object application, CancellationToken cancellationToken)
    {
        var properties = await applications.GetPropertiesAsync(application, cancellationToken);
        return properties.TryGetValue(RolesProperty, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
            : [];
    }

    private async Task<List<AdminError>> ValidateAsync(ClientInput input, CancellationToken cancellationToken)
    {
        var errors = new List<AdminError>();
        var clientId = input.ClientId?.Trim() ?? "";
        if (clientId.Length is 0 or > 100 || clientId.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            errors.Add(new AdminError("ClientId", "A client id has 1 to 100 characters and no spaces."));
        }

        if (string.IsNullOrWhiteSpace(input.DisplayName))
        {
            errors.Add(new AdminError("DisplayName", "A display name is required."));
        }

        if (!input.AllowClientCredentialsFlow && !input.AllowAuthorizationCodeFlow)
        {
            errors.Add(new AdminError("Flows", "Allow the client credentials flow, the authorization code flow, or both."));
        }

        if (input.AllowRefreshTokenFlow && !input.AllowAuthorizationCodeFlow)
        {
            errors.Add(new AdminError("AllowRefreshTokenFlow", "Refresh tokens come with the authorization code flow."));
        }

        if (input.Type == ClientType.Public && input.AllowClientCredentialsFlow)
        {
            errors.Add(new AdminError("AllowClientCredentialsFlow", "A public client has no secret, so it cannot use the client credentials flow."));
        }

        if (input.AllowAuthorizationCodeFlow && input.RedirectUris.Count == 0)
        {
            errors.Add(new AdminError("RedirectUris", "The authorization code flow needs at least one redirect URI."));
        }

        CheckUris(input.RedirectUris, "RedirectUris", errors);
        CheckUris(input.PostLogoutRedirectUris, "PostLogoutRedirectUris", errors);
        foreach (var role in input.Roles)
        {
            if (CmsRoles.IsImplicit(role))
            {
                errors.Add(new AdminError("Roles", $"'{role}' applies by itself and cannot be given to a client."));
            }
            else if (!await roles.RoleExistsAsync(role))
            {
                errors.Add(new AdminError("Roles", $"The role '{role}' does not exist."));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return errors;
    }

    private static void CheckUris(IReadOnlyList<string> uris, string field, List<AdminError> errors)
    {
        foreach (var text in uris)
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.Fragment))
            {
                errors.Add(new AdminError(field, $"'{text}' is not an absolute URI without a fragment."));
            }
            else if (uri.Scheme is "javascript" or "data" or "file")
            {
                errors.Add(new AdminError(field, $"'{text}' uses a scheme that is not allowed."));
            }
        }
    }

    private static void Fill(OpenIddictApplicationDescriptor descriptor, ClientInput input)
    {
        descriptor.ClientId = input.ClientId.Trim();
        descriptor.DisplayName = input.DisplayName.Trim();
        descriptor.ClientType = input.Type == ClientType.Public ? ClientTypes.Public : ClientTypes.Confidential;
        descriptor.ConsentType = ConsentTypes.Implicit;
        descriptor.RedirectUris.Clear();
        foreach (var uri in input.RedirectUris.Distinct(StringComparer.Ordinal))
        {
            descriptor.RedirectUris.Add(new Uri(uri, UriKind.Absolute));
        }

        descriptor.PostLogoutRedirectUris.Clear();
        foreach (var uri in input.PostLogoutRedirectUris.Distinct(StringComparer.Ordinal))
        {
            descriptor.PostLogoutRedirectUris.Add(new Uri(uri, UriKind.Absolute));
        }

        descriptor.Permissions.Clear();
        descriptor.Permissions.Add(OidcPermissions.Endpoints.Token);
        descriptor.Permissions.Add(OidcPermissions.Endpoints.Revocation);
        if (input.AllowClientCredentialsFlow)
        {
            descriptor.Permissions.Add(OidcPermissions.GrantTypes.ClientCredentials);
        }

        if (input.AllowAuthorizationCodeFlow)
        {
            descriptor.Permissions.Add(OidcPermissions.Endpoints.Authorization);
            descriptor.Permissions.Add(OidcPermissions.Endpoints.EndSession);
            descriptor.Permissions.Add(OidcPermissions.GrantTypes.AuthorizationCode);
            descriptor.Permissions.Add(OidcPermissions.ResponseTypes.Code);
        }

        if (input.AllowRefreshTokenFlow)
        {
            descriptor.Permissions.Add(OidcPermissions.GrantTypes.RefreshToken);
        }

        foreach (var scope in CmsScopes.All.Where(s => s is not Scopes.OpenId and not Scopes.OfflineAccess))
        {
            descriptor.Permissions.Add(OidcPermissions.Prefixes.Scope + scope);
        }

        descriptor.Requirements.Clear();
        if (input.RequireProofKeyForCodeExchange || input.Type == ClientType.Public)
        {
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        }

        descriptor.Properties[RolesProperty] = JsonSerializer.SerializeToElement(input.Roles.Distinct(StringComparer.OrdinalIgnoreCase).ToArray());
    }

    private async Task<ClientSummary> ToSummaryAsync(object application, CancellationToken cancellationToken)
    {
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        return new ClientSummary(
            descriptor.ClientId!,
            descriptor.DisplayName ?? descriptor.ClientId!,
            string.Equals(descriptor.ClientType, ClientTypes.Public, StringComparison.Ordinal) ? ClientType.Public : ClientType.Confidential,
            [.. descriptor.RedirectUris.Select(u => u.OriginalString)],
            [.. descriptor.PostLogoutRedirectUris.Select(u => u.OriginalString)],
            descriptor.Permissions.Contains(OidcPermissions.GrantTypes.ClientCredentials),
            descriptor.Permissions.Contains(OidcPermissions.GrantTypes.AuthorizationCode),
            descriptor.Permissions.Contains(OidcPermissions.GrantTypes.RefreshToken),
            descriptor.Requirements.Contains(Requirements.Features.ProofKeyForCodeExchange),
            await GetRolesAsync(application, cancellationToken));
    }

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
