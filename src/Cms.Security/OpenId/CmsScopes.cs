using OpenIddict.Abstractions;

namespace Cms.Security.OpenId;

/// <summary>The scopes this server knows. <c>cms_api</c> makes an access token valid for <c>/api/*</c>.</summary>
public static class CmsScopes
{
    public const string Api = "cms_api";

    /// <summary>The audience (<c>aud</c>) of access tokens that carry <see cref="Api"/>.</summary>
    public const string ApiAudience = "cms_api";

    public static readonly IReadOnlyList<string> All =
    [
        OpenIddictConstants.Scopes.OpenId,
        OpenIddictConstants.Scopes.Profile,
        OpenIddictConstants.Scopes.Email,
        OpenIddictConstants.Scopes.Roles,
        OpenIddictConstants.Scopes.OfflineAccess,
        Api,
    ];
}
