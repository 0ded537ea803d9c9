namespace Cms.Admin.Services;

/// <summary>Confidential clients authenticate with a secret; public ones (browser and mobile apps) cannot keep one and must use PKCE.</summary>
public enum AdminClientType
{
    Confidential,
    Public,
}
