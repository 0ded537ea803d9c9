using System.Security.Claims;
using Cms.Core.Content;
using Microsoft.AspNetCore.Http;
using OpenIddict.Abstractions;

namespace Cms.Security;

/// <summary>Reads who a caller is, whether they came with the admin cookie or an access token.</summary>
public static class CmsPrincipal
{
    public static bool IsAuthenticated(this ClaimsPrincipal principal) =>
        principal.Identities.Any(i => i.IsAuthenticated);

    /// <summary>The user id (cookie or user token) or the client id (client-credentials token).</summary>
    public static string? GetActorId(this ClaimsPrincipal principal) =>
        principal.IsAuthenticated()
            ? principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? principal.FindFirstValue(OpenIddictConstants.Claims.Subject)
            : null;

    public static string? GetActorName(this ClaimsPrincipal principal) =>
        principal.IsAuthenticated()
            ? principal.FindFirstValue(ClaimTypes.Name) ?? principal.FindFirstValue(OpenIddictConstants.Claims.Name) ?? principal.GetActorId()
            : null;

    /// <summary>The caller as the content engine and the audit trail record it: user or client id and name, API client, address.</summary>
    public static ContentActor ToActor(this ClaimsPrincipal principal, ConnectionInfo? connection) =>
        new(principal.GetActorId(), principal.GetActorName(), IsSystem: false)
        {
            ClientId = principal.FindFirstValue(OpenIddictConstants.Claims.ClientId) ?? principal.FindFirstValue("azp"),
            IpAddress = connection?.RemoteIpAddress?.ToString(),
        };

    /// <summary>True for a client-credentials token: an application acting for itself, not a person.</summary>
    public static bool IsClientApplication(this ClaimsPrincipal principal) =>
        principal.IsAuthenticated()
        && string.Equals(principal.FindFirstValue(CmsClaimTypes.ActorKind), CmsClaimTypes.ClientActor, StringComparison.Ordinal);

    /// <summary>The roles the caller was given (not the implicit Anonymous/Authenticated ones).</summary>
    public static IReadOnlySet<string> GetRoleNames(this ClaimsPrincipal principal)
    {
        var roles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var identity in principal.Identities.Where(i => i.IsAuthenticated))
        {
            foreach (var claim in identity.Claims)
            {
                if (claim.Type == identity.RoleClaimType || claim.Type == ClaimTypes.Role || claim.Type == OpenIddictConstants.Claims.Role)
                {
                    roles.Add(claim.Value);
                }
            }
        }

        return roles;
    }
}
