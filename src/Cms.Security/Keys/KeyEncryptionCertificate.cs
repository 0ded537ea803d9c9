using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Cms.Security.Keys;

/// <summary>
/// The certificate of <c>Cms:Keys:CertificatePath</c> as loaded at start-up (<see cref="Certificate"/> is null when the
/// setting is empty and the keys are stored unencrypted).
/// </summary>
public sealed record KeyEncryptionCertificate(string? Path, X509Certificate2? Certificate)
{
    /// <summary>
    /// Loads the .pfx of <see cref="SharedKeysOptions.CertificatePath"/> (opened with
    /// <see cref="SharedKeysOptions.CertificatePassword"/> when it has a password); a file that cannot serve stops the
    /// start with a <see cref="SharedKeysException"/> naming the setting, never the password.
    /// </summary>
    public static KeyEncryptionCertificate Load(SharedKeysOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            return new KeyEncryptionCertificate(null, null);
        }

        var setting = $"Cms:Keys:CertificatePath '{options.CertificatePath}'";
        var path = System.IO.Path.GetFullPath(options.CertificatePath);
        if (!File.Exists(path))
        {
            throw new SharedKeysException($"{setting} does not exist: set it to a .pfx file with an RSA private key, the same on every node.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword, OperatingSystem.IsMacOS() ? X509KeyStorageFlags.DefaultKeySet : X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException ex)
        {
            throw new SharedKeysException(string.IsNullOrEmpty(options.CertificatePassword)
                ? $"{setting} cannot be opened ({ex.Message.TrimEnd('.')}): if the .pfx has a password, set Cms:Keys:CertificatePassword (environment variable Cms__Keys__CertificatePassword)."
                : $"{setting} cannot be opened with Cms:Keys:CertificatePassword ({ex.Message.TrimEnd('.')}): check the password and that the file is a .pfx.", ex);
        }

        using var rsa = certificate.GetRSAPrivateKey();
        if (rsa is null)
        {
            throw new SharedKeysException($"{setting} has no RSA private key: the keys are encrypted with RSA, so the .pfx must hold the certificate's RSA private key.");
        }

        return new KeyEncryptionCertificate(options.CertificatePath, certificate);
    }
}
