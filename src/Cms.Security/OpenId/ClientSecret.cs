namespace Cms.Security.OpenId;

/// <summary>A client id with its plain secret, returned once (on create or rotate); null secret for public clients.</summary>
public sealed record ClientSecret(string ClientId, string? Secret);
