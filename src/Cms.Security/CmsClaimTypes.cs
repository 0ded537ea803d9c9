namespace Cms.Security;

/// <summary>Claim types of our own. The rest are the standard ones (OpenID Connect in tokens, Identity's in the cookie).</summary>
public static class CmsClaimTypes
{
    /// <summary>Role claims of this type hold a role's permissions, as in Orchard Core.</summary>
    public const string Permission = "Permission";

    /// <summary>In access tokens: <c>user</c> for a person, <c>client</c> for a client-credentials application.</summary>
    public const string ActorKind = "cms_actor";

    public const string UserActor = "user";
    public const string ClientActor = "client";
}
