using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Cms.Data.Entities;
using Cms.Security.TwoFactor;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Cms.Security.OpenId;

/// <summary>
/// The pass-through parts of <c>/connect/*</c>: OpenIddict validates each request (client, secret, redirect URI,
/// PKCE, grant permissions) before these run; they decide who the token is for. Discovery, JWKS and revocation are
/// served by OpenIddict itself.
/// </summary>
public static class OpenIdEndpoints
{
    public static IEndpointRouteBuilder MapOpenIdEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], (Delegate)AuthorizeAsync).ExcludeFromDescription();
        endpoints.MapPost("/connect/token", (Delegate)TokenAsync).ExcludeFromDescription();
        endpoints.MapMethods("/connect/userinfo", [HttpMethods.Get, HttpMethods.Post], (Delegate)UserInfoAsync).ExcludeFromDescription();
        endpoints.MapMethods("/connect/logout", [HttpMethods.Get, HttpMethods.Post], (Delegate)LogoutAsync).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>Consent-free: a signed-in, enabled admin user gets a code at once; others go to the admin sign-in page first.</summary>
    private static async Task<IResult> AuthorizeAsync(HttpContext context, UserManager<CmsUser> users, SignInManager<CmsUser> signIn, OpenIdIdentityFactory identities)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("The OpenID Connect request is missing.");
        var cookie = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = cookie.Succeeded && cookie.Principal is { } principal ? await users.GetUserAsync(principal) : null;
        if (user is null || !await signIn.CanSignInAsync(user))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(Errors.LoginRequired, "The user is not signed in.");
            }

            var parameters = context.Request.HasFormContentType ? context.Request.Form.ToList() : context.Request.Query.ToList();
            return Results.Challenge(
                new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + QueryString.Create(parameters) },
                [IdentityConstants.ApplicationScheme]);
        }

        var granted = await identities.ForUserAsync(user, request.GetScopes());
        return Results.SignIn(granted, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> TokenAsync(
        HttpContext context,
        IOpenIddictApplicationManager applications,
        UserManager<CmsUser> users,
        SignInManager<CmsUser> signIn,
        OpenIdIdentityFactory identities,
        TwoFactorService twoFactor,
        ILoggerFactory loggers)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("The OpenID Connect request is missing.");
        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!, context.RequestAborted)
                ?? throw new InvalidOperationException("The client was validated but cannot be found.");
            var principal = await identities.ForClientAsync(application, request.GetScopes(), context.RequestAborted);
            return Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var subject = result.Principal?.GetClaim(Claims.Subject);
            var user = subject is null ? null : await users.FindByIdAsync(subject);
            if (user is null || !await signIn.CanSignInAsync(user))
            {
                return Refuse(Errors.InvalidGrant, "The user no longer exists or is disabled.");
            }

            if (await twoFactor.MustEnrolAsync(user))
            {
                return Refuse(Errors.InvalidGrant, "The user's role requires two-factor sign-in; sign in to the admin and set it up first.");
            }

            var stamp = result.Principal!.GetClaim(OpenIdIdentityFactory.StampDigestClaim);
            if (!string.Equals(stamp, OpenIdIdentityFactory.StampDigest(await users.GetSecurityStampAsync(user)), StringComparison.Ordinal))
            {
                loggers.CreateLogger(typeof(OpenIdEndpoints)).LogInformation("Refused a {GrantType} grant for {UserId}: the account changed since it was issued", request.GrantType, user.Id);
                return Refuse(Errors.InvalidGrant, "The account changed since this grant was issued; sign in again.");
            }

            var principal = await identities.ForUserAsync(user, result.Principal!.GetScopes());
            return Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Refuse(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }

    private static async Task<IResult> UserInfoAsync(HttpContext context, UserManager<CmsUser> users)
    {
        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var principal = result.Principal ?? new ClaimsPrincipal();
        var subject = principal.GetClaim(Claims.Subject);
        var body = new Dictionary<string, object?>(StringComparer.Ordinal) { [Claims.Subject] = subject };
        if (principal.IsClientApplication())
        {
            return Results.Ok(body);
        }

        var user = subject is null ? null : await users.FindByIdAsync(subject);
        if (user is null || !user.IsEnabled)
        {
            return Results.Challenge(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The user no longer exists or is disabled.",
                }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        if (principal.HasScope(Scopes.Profile))
        {
            body[Claims.Name] = user.DisplayName ?? user.UserName;
            body[Claims.PreferredUsername] = user.UserName;
        }

        if (principal.HasScope(Scopes.Email))
        {
            body[Claims.Email] = user.Email;
            body[Claims.EmailVerified] = user.EmailConfirmed;
        }

        if (principal.HasScope(Scopes.Roles))
        {
            body[Claims.Role] = await users.GetRolesAsync(user);
        }

        return Results.Ok(body);
    }

    /// <summary>
    /// End session. A GET (which an <c>img</c> tag on any page can send) only shows a confirmation form; the sign-out
    /// itself is a POST carrying the form's antiforgery token, with the request's parameters repeated so OpenIddict
    /// validates them again.
    /// </summary>
    private static async Task<IResult> LogoutAsync(HttpContext context, SignInManager<CmsUser> signIn, IAntiforgery antiforgery)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return LogoutConfirmation(context, antiforgery);
        }

        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Sign-out needs the confirmation form.", detail: "The antiforgery token is missing or invalid; open /connect/logout and confirm.");
        }

        await signIn.SignOutAsync();
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static IResult LogoutConfirmation(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign out</title></head><body>")
            .Append("<h1>Sign out</h1><p>Do you want to sign out of the newsroom CMS?</p>")
            .Append("<form method=\"post\" action=\"").Append(HtmlEncoder.Default.Encode(context.Request.PathBase + "/connect/logout")).Append("\">")
            .Append("<input type=\"hidden\" name=\"").Append(HtmlEncoder.Default.Encode(tokens.FormFieldName)).Append("\" value=\"").Append(HtmlEncoder.Default.Encode(tokens.RequestToken ?? "")).Append("\">");
        foreach (var (name, values) in context.Request.Query)
        {
            foreach (var value in values)
            {
                html.Append("<input type=\"hidden\" name=\"").Append(HtmlEncoder.Default.Encode(name)).Append("\" value=\"").Append(HtmlEncoder.Default.Encode(value ?? "")).Append("\">");
            }
        }

        html.Append("<button type=\"submit\">Sign out</button></form></body></html>");
        context.Response.Headers.CacheControl = "no-store";
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    private static IResult Refuse(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
