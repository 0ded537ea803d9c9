namespace Cms.Security.Keys;

/// <summary>
/// <c>Cms:Keys</c>: the certificate that encrypts the shared keys at rest in the database (the data-protection key ring,
/// and through it the OpenID signing and encryption keys). Without it the keys are stored unencrypted and a warning
/// is logged at start-up.
/// </summary>
public sealed class SharedKeysOptions
{
    public const string Section = "Cms:Keys";

    /// <summary>A PKCS#12 (.pfx) file with an RSA key; every node needs the same file.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }
}
