namespace Cms.Security.OpenId;

/// <summary>Confidential clients (servers, pipelines) hold a secret; public clients (browser and mobile apps) cannot, so they must use PKCE.</summary>
public enum ClientType
{
    Confidential,
    Public,
}
