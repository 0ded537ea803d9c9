namespace Cms.Security;

/// <summary>Authentication scheme names callers name in <c>[Authorize(AuthenticationSchemes = ...)]</c>.</summary>
public static class CmsAuthenticationSchemes
{
    /// <summary>
    /// For <c>/api/*</c>: a bearer access token issued by <c>/connect/token</c> when the request carries
    /// <c>Authorization: Bearer</c>, otherwise the admin cookie. Unauthenticated API calls get 401, never a redirect.
    /// </summary>
    public const string Api = "Api";

    /// <summary>The admin cookie (ASP.NET Core Identity's application cookie).</summary>
    public const string Cookie = "Identity.Application";

    /// <summary>
    /// A short-lived cookie for someone who gave a right password but whose role requires two-factor sign-in they have
    /// not set up: it opens the enrolment step of the sign-in and nothing else.
    /// </summary>
    public const string TwoFactorEnrolment = "Cms.TwoFactorEnrolment";

    /// <summary>Bearer tokens only (OpenIddict validation).</summary>
    public const string Bearer = OpenIddict.Validation.AspNetCore.OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
}
