using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cms.Data.Entities;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Cms.Admin.Services.Default;

/// <summary>
/// API clients on OpenIddict's application manager (which hashes secrets). The roles a client-credentials
/// client acts with are kept in the application's <c>roles</c> property, as Orchard Core does.
/// </summary>
public sealed partial class OpenIddictAdminClients(IOpenIddictApplicationManager applications, RoleManager<CmsRole> roles) : IAdminClients
{
    /// <summary>The application property that lists the roles of a client-credentials client.</summary>
    public const string RolesProperty = "roles";

    /// <summary>The scope of the CMS API that clients are allowed to ask for.</summary>
    public const string ApiScope = "cms_api";

    public async Task<IReadOnlyList<AdminClientDetails>> ListAsync(CancellationToken cancellationToken = default)
    {
        var list = new List<AdminClientDetails>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            list.Add(await ToDetailsAsync(application, cancellationToken));
        }

        return [.. list.OrderBy(c => c.ClientId, StringComparer.OrdinalIgnoreCase)];
    }

    public async Task<AdminClientDetails?> FindAsync(string clientId, CancellationToken cancellationToken = default) =>
        await applications.FindByClientIdAsync(clientId, cancellationToken) is { } application
            ? await ToDetailsAsync(application, cancellationToken)
            : null;

    public async Task<AdminResult<string?>> CreateAsync(AdminClientInput input, CancellationToken cancellationToken = default)
    {
        var clientId = input.ClientId.Trim();
        if (!ClientIdPattern().IsMatch(clientId))
        {
            return AdminResult.Fail<string?>("Use 3 to 100 letters, digits, dots, dashes or underscores for the client id.", "ClientId");
        }

        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is not null)
        {
            return AdminResult.Fail<string?>($"A client with the id '{clientId}' already exists.", "ClientId");
        }

        var invalid = await ValidateAsync(input, cancellationToken);
        if (invalid is not null)
        {
            return invalid.As<string?>();
        }

        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientType = input.Type == AdminClientType.Public ? ClientTypes.Public : ClientTypes.Confidential,
            ConsentType = ConsentTypes.Implicit,
        };
        Apply(descriptor, input);
        var secret = input.Type == AdminClientType.Confidential ? NewSecret() : null;
        descriptor.ClientSecret = secret;
        await applications.CreateAsync(descriptor, cancellationToken);
        return AdminResult.Ok<string?>(secret);
    }

    public async Task<AdminResult> UpdateAsync(string clientId, AdminClientInput input, CancellationToken cancellationToken = default)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (application is null)
        {
            return AdminResult.Fail($"The client '{clientId}' does not exist.");
        }

        var type = await applications.HasClientTypeAsync(application, ClientTypes.Public, cancellationToken) ? AdminClientType.Public : AdminClientType.Confidential;
        input = input with { ClientId = clientId, Type = type };
        var invalid = await ValidateAsync(input, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        Apply(descriptor, input);
        await applications.UpdateAsync(application, descriptor, cancellationToken);
        return AdminResult.Success;
    }

    public async Task<AdminResult<string>> RotateSecretAsync(string clientId, CancellationToken cancellationToken = default)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (application is null)
        {
            return AdminResult.Fail<string>($"The client '{clientId}' does not exist.");
        }

        if (!await applications.HasClientTypeAsync(application, ClientTypes.Confidential, cancellationToken))
        {
            return AdminResult.Fail<string>("A public client has no secret to rotate.");
        }

        var secret = NewSecret();
        await applications.UpdateAsync(application, secret, cancellationToken);
        return AdminResult.Ok(secret);
    }

    public async Task<AdminResult> DeleteAsync(string clientId, CancellationToken cancellationToken = default)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (application is null)
        {
            return AdminResult.Fail($"The client '{clientId}' does not exist.");
        }

        await applications.DeleteAsync(application, cancellationToken);
        return AdminResult.Success;
    }

    private async Task<AdminResult?> ValidateAsync(AdminClientInput input, CancellationToken cancellationToken)
    {
        var errors = new List<AdminError>();
        if (string.IsNullOrWhiteSpace(input.DisplayName))
        {
            errors.Add(new("DisplayName", "Enter a display name."));
        }

        if (!input.AllowClientCredentials && !input.AllowAuthorizationCode)
        {
            errors.Add(new("Flows", "Allow at least one flow: client credentials or authorization code."));
        }

        if (input.AllowClientCredentials && input.Type == AdminClientType.Public)
        {
            errors.Add(new("Flows", "A public client cannot use client credentials: it cannot keep a secret."));
        }

        if (input.AllowRefreshToken && !input.AllowAuthorizationCode)
        {
            errors.Add(new("Flows", "Refresh tokens are only issued with the authorization code flow."));
        }

        if (input.AllowAuthorizationCode && input.RedirectUris.Count == 0)
        {
            errors.Add(new("RedirectUris", "The authorization code flow needs at least one redirect URI."));
        }

        foreach (var uri in input.RedirectUris)
        {
            if (!IsValidRedirectUri(uri))
            {
                errors.Add(new("RedirectUris", $"'{uri}' is not an absolute URI without a fragment."));
            }
        }

        foreach (var uri in input.PostLogoutRedirectUris)
        {
            if (!IsValidRedirectUri(uri))
            {
                errors.Add(new("PostLogoutRedirectUris", $"'{uri}' is not an absolute URI without a fragment."));
            }
        }

        if (input.Roles.Count > 0 && !input.AllowClientCredentials)
        {
            errors.Add(new("Roles", "Roles apply to the client credentials flow only."));
        }

        foreach (var role in input.Roles)
        {
            if (SystemRoles.IsImplicit(role) || !await roles.RoleExistsAsync(role))
            {
                errors.Add(new("Roles", $"'{role}' is not a role that can be assigned."));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return errors.Count == 0 ? null : new AdminResult(errors);
    }

    private static bool IsValidRedirectUri(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && string.IsNullOrEmpty(uri.Fragment) && !uri.IsFile;

    private static void Apply(OpenIddictApplicationDescriptor descriptor, AdminClientInput input)
    {
        descriptor.DisplayName = input.DisplayName.Trim();
        descriptor.RedirectUris.Clear();
        foreach (var uri in input.RedirectUris)
        {
            descriptor.RedirectUris.Add(new Uri(uri, UriKind.Absolute));
        }

        descriptor.PostLogoutRedirectUris.Clear();
        foreach (var uri in input.PostLogoutRedirectUris)
        {
            descriptor.PostLogoutRedirectUris.Add(new Uri(uri, UriKind.Absolute));
        }

        descriptor.Permissions.Clear();
        descriptor.Requirements.Clear();
        descriptor.Permissions.Add(Permissions.Endpoints.Token);
        descriptor.Permissions.Add(Permissions.Endpoints.Revocation);
        descriptor.Permissions.Add(Permissions.Prefixes.Scope + ApiScope);
        if (input.AllowClientCredentials)
        {
            descriptor.Permissions.Add(Permissions.GrantTypes.ClientCredentials);
        }

        if (input.AllowAuthorizationCode)
        {
            descriptor.Permissions.Add(Permissions.Endpoints.Authorization);
            descriptor.Permissions.Add(Permissions.Endpoints.EndSession);
            descriptor.Permissions.Add(Permissions.GrantTypes.AuthorizationCode);
            descriptor.Permissions.Add(Permissions.ResponseTypes.Code);
            descriptor.Permissions.Add(Permissions.Scopes.Profile);
            descriptor.Permissions.Add(Permissions.Scopes.Email);
            descriptor.Permissions.Add(Permissions.Scopes.Roles);
            if (input.Type == AdminClientType.Public)
            {
                descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
            }
        }

        if (input.AllowRefreshToken)
        {
            descriptor.Permissions.Add(Permissions.GrantTypes.RefreshToken);
        }

        descriptor.Properties.Remove(RolesProperty);
        if (input.AllowClientCredentials && input.Roles.Count > 0)
        {
            descriptor.Properties[RolesProperty] = JsonSerializer.SerializeToElement(input.Roles.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToArray());
        }
    }

    private async Task<AdminClientDetails> ToDetailsAsync(object application, CancellationToken cancellationToken)
    {
        var permissions = await applications.GetPermissionsAsync(application, cancellationToken);
        var requirements = await applications.GetRequirementsAsync(application, cancellationToken);
        var properties = await applications.GetPropertiesAsync(application, cancellationToken);
        var clientRoles = properties.TryGetValue(RolesProperty, out var element) && element.ValueKind == JsonValueKind.Array
            ? element.EnumerateArray().Select(e => e.GetString()).OfType<string>().ToList()
            : [];
        return new AdminClientDetails(
            await applications.GetClientIdAsync(application, cancellationToken) ?? "",
            await applications.GetDisplayNameAsync(application, cancellationToken) ?? "",
            await applications.HasClientTypeAsync(application, ClientTypes.Public, cancellationToken) ? AdminClientType.Public : AdminClientType.Confidential,
            permissions.Contains(Permissions.GrantTypes.ClientCredentials),
            permissions.Contains(Permissions.GrantTypes.AuthorizationCode),
            permissions.Contains(Permissions.GrantTypes.RefreshToken),
            requirements.Contains(Requirements.Features.ProofKeyForCodeExchange),
            [.. (await applications.GetRedirectUrisAsync(application, cancellationToken)).Select(u => u.ToString())],
            [.. (await applications.GetPostLogoutRedirectUrisAsync(application, cancellationToken)).Select(u => u.ToString())],
            clientRoles);
    }

    /// <summary>32 random bytes, base64url: 43 characters.</summary>
    private static string NewSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("^[A-Za-z0-9._-]{3,100}$")]
    private static partial Regex ClientIdPattern();
}
