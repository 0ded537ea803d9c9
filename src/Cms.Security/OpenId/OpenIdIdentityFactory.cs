using System.Collections.Immutable;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Cms.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Cms.Security.OpenId;

/// <summary>Builds the principals the server turns into tokens, for users and for client-credentials clients.</summary>
public sealed class OpenIdIdentityFactory(UserManager<CmsUser> users, OpenIdClientStore clients, IOpenIddictApplicationManager applications)
{
    /// <summary>
    /// A digest of the user's security stamp. It has no destination, so it is kept only in the (encrypted) authorization
    /// codes and refresh tokens: a refresh after the stamp changed (disabled, roles changed, password reset) is refused.
    /// </summary>
    public const string StampDigestClaim = "cms_stamp";

    public async Task<ClaimsPrincipal> ForUserAsync(CmsUser user, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id)
            .SetClaim(Claims.Name, user.UserName)
            .SetClaim(Claims.PreferredUsername, user.UserName)
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(CmsClaimTypes.ActorKind, CmsClaimTypes.UserActor)
            .SetClaim(StampDigestClaim, StampDigest(await users.GetSecurityStampAsync(user)))
            .SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)]);
        var granted = scopes.Where(CmsScopes.All.Contains).ToImmutableArray();
        identity.SetScopes(granted);
        if (granted.Contains(CmsScopes.Api))
        {
            identity.SetResources(CmsScopes.ApiAudience);
        }

        identity.SetDestinations(claim => DestinationsOf(claim, granted));
        return new ClaimsPrincipal(identity);
    }

    /// <summary>A client acting for itself: subject = client id, roles = the client's configured roles. No scope asked → <c>cms_api</c>.</summary>
    public async Task<ClaimsPrincipal> ForClientAsync(object application, IEnumerable<string> requestedScopes, CancellationToken cancellationToken)
    {
        var clientId = await applications.GetClientIdAsync(application, cancellationToken);
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, clientId)
            .SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application, cancellationToken) ?? clientId)
            .SetClaim(CmsClaimTypes.ActorKind, CmsClaimTypes.ClientActor)
            .SetClaims(Claims.Role, [.. await clients.GetRolesAsync(application, cancellationToken)]);
        var requested = requestedScopes.ToList();
        ImmutableArray<string> granted = requested.Count == 0 ? [CmsScopes.Api] : [.. requested.Where(s => s is CmsScopes.Api or Scopes.Roles or Scopes.Profile)];
        identity.SetScopes(granted);
        if (granted.Contains(CmsScopes.Api))
        {
            identity.SetResources(CmsScopes.ApiAudience);
        }

        identity.SetDestinations(claim => DestinationsOf(claim, granted));
        return new ClaimsPrincipal(identity);
    }

    public static string StampDigest(string? stamp) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(stamp ?? "")))[..32];

    private static IEnumerable<string> DestinationsOf(Claim claim, ImmutableArray<string> scopes)
    {
        switch (claim.Type)
        {
            case Claims.Name or Claims.PreferredUsername:
                yield return Destinations.AccessToken;
                if (scopes.Contains(Scopes.Profile))
                {
                    yield return Destinations.IdentityToken;
                }

                yield break;
            case Claims.Email:
                if (scopes.Contains(Scopes.Email))
                {
                    yield return Destinations.AccessToken;
                    yield return Destinations.IdentityToken;
                }

                yield break;
            case Claims.Role:
                yield return Destinations.AccessToken;
                if (scopes.Contains(Scopes.Roles))
                {
                    yield return Destinations.IdentityToken;
                }

                yield break;
            case CmsClaimTypes.ActorKind:
                yield return Destinations.AccessToken;
                yield break;
            case StampDigestClaim:
                // Never in an access or identity token.
                yield break;
            default:
                yield return Destinations.AccessToken;
                yield break;
        }
    }
}
