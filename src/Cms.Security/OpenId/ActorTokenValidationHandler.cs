using System.Security.Claims;
using Cms.Data.Entities;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Validation;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Validation.OpenIddictValidationEvents;

namespace Cms.Security.OpenId;

/// <summary>
/// Runs after OpenIddict has checked an access token's signature, lifetime, audience and database entry: refuses
/// tokens of users who are disabled or gone, and of deleted clients, and replaces the token's role claims with the
/// current ones, so that a disabled user or a role change takes effect on the very next API request.
/// </summary>
public sealed class ActorTokenValidationHandler(UserManager<CmsUser> users, IOpenIddictApplicationManager applications, OpenIdClientStore clients)
    : IOpenIddictValidationHandler<ProcessAuthenticationContext>
{
    public static OpenIddictValidationHandlerDescriptor Descriptor { get; } =
        OpenIddictValidationHandlerDescriptor.CreateBuilder<ProcessAuthenticationContext>()
            .UseScopedHandler<ActorTokenValidationHandler>()
            .SetOrder(OpenIddictValidationHandlers.ValidateAccessToken.Descriptor.Order + 500)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ProcessAuthenticationContext context)
    {
        if (context.AccessTokenPrincipal is not { Identity: ClaimsIdentity identity } principal)
        {
            return;
        }

        var subject = principal.GetClaim(Claims.Subject);
        IReadOnlyList<string> roles;
        if (principal.IsClientApplication())
        {
            var application = subject is null ? null : await applications.FindByClientIdAsync(subject, context.CancellationToken);
            if (application is null)
            {
                context.Reject(Errors.InvalidToken, "The client application no longer exists.");
                return;
            }

            roles = await clients.GetRolesAsync(application, context.CancellationToken);
        }
        else
        {
            var user = subject is null ? null : await users.FindByIdAsync(subject);
            if (user is not { IsEnabled: true })
            {
                context.Reject(Errors.InvalidToken, "The user no longer exists or is disabled.");
                return;
            }

            roles = [.. await users.GetRolesAsync(user)];
        }

        foreach (var claim in identity.FindAll(c => c.Type == Claims.Role || c.Type == identity.RoleClaimType).ToList())
        {
            identity.RemoveClaim(claim);
        }

        foreach (var role in roles)
        {
            identity.AddClaim(new Claim(identity.RoleClaimType, role));
        }
    }
}
