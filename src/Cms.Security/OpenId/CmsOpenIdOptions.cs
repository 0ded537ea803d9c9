namespace Cms.Security.OpenId;

/// <summary>
/// The <c>Cms:OpenId</c> section. Without certificate paths, a signing and an encryption certificate are generated
/// on first start and kept in <c>{Cms:DataDirectory}/keys</c> (back that folder up: losing it invalidates every
/// token and refresh token).
/// </summary>
public sealed class CmsOpenIdOptions
{
    /// <summary>The issuer URL (e.g. <c>https://cms.example.com/</c>); by default the URL the request came to.</summary>
    public string? Issuer { get; set; }

    /// <summary>A PKCS#12 (.pfx) file with the token signing key (RSA, key usage digital signature).</summary>
    public string? SigningCertificatePath { get; set; }

    public string? SigningCertificatePassword { get; set; }

    /// <summary>A PKCS#12 (.pfx) file with the key that encrypts authorization codes and refresh tokens (RSA, key usage key encipherment).</summary>
    public string? EncryptionCertificatePath { get; set; }

    public string? EncryptionCertificatePassword { get; set; }

    /// <summary>Accept plain HTTP on /connect/* outside Development (e.g. behind a TLS-terminating proxy that does not forward the scheme). Off by default.</summary>
    public bool AllowHttp { get; set; }

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(60);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);
}
