using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Cms.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace Cms.Security.OpenId;

/// <summary>
/// Gives the OpenID Connect server its signing and encryption keys: from the configured certificate files, or
/// generated once (self-signed RSA certificates) and kept in <c>{DataDirectory}/keys</c>. Never ephemeral keys.
/// </summary>
public sealed class OpenIdKeyConfiguration(CmsDataOptions data, IOptions<CmsOpenIdOptions> options, TimeProvider clock, ILogger<OpenIdKeyConfiguration> logger)
    : IConfigureOptions<OpenIddictServerOptions>
{
    private static readonly Lock Gate = new();

    public void Configure(OpenIddictServerOptions server)
    {
        var settings = options.Value;
        var keys = Path.Combine(Path.GetFullPath(data.DataDirectory), "keys");
        var signing = Load(settings.SigningCertificatePath, settings.SigningCertificatePassword, Path.Combine(keys, "openid-signing.pfx"), X509KeyUsageFlags.DigitalSignature, "signing");
        var encryption = Load(settings.EncryptionCertificatePath, settings.EncryptionCertificatePassword, Path.Combine(keys, "openid-encryption.pfx"), X509KeyUsageFlags.KeyEncipherment, "encryption");
        server.SigningCredentials.Add(new SigningCredentials(new X509SecurityKey(signing), SecurityAlgorithms.RsaSha256));
        server.EncryptionCredentials.Add(new EncryptingCredentials(new X509SecurityKey(encryption), SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
    }

    private X509Certificate2 Load(string? configuredPath, string? password, string generatedPath, X509KeyUsageFlags usage, string purpose)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(Path.GetFullPath(configuredPath), password, StorageFlags);
            if (!certificate.HasPrivateKey)
            {
                throw new InvalidOperationException($"The OpenID {purpose} certificate '{configuredPath}' has no private key.");
            }

            return certificate;
        }

        lock (Gate)
        {
            if (File.Exists(generatedPath))
            {
                var existing = X509CertificateLoader.LoadPkcs12FromFile(generatedPath, password: null, StorageFlags);
                if (existing.NotAfter.ToUniversalTime() > clock.GetUtcNow().UtcDateTime.AddDays(30))
                {
                    return existing;
                }

                logger.LogWarning("The generated OpenID {Purpose} certificate expires on {NotAfter}; generating a new one (tokens signed with the old one stop working)", purpose, existing.NotAfter);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(generatedPath)!);
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest($"CN=Newsroom CMS OpenID {purpose}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
            var now = clock.GetUtcNow();
            using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(5));
            var bytes = created.Export(X509ContentType.Pkcs12);
            var temporary = generatedPath + ".tmp";
            File.WriteAllBytes(temporary, bytes);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            File.Move(temporary, generatedPath, overwrite: true);
            logger.LogInformation("Generated the OpenID {Purpose} certificate in the data directory's keys folder", purpose);
            return X509CertificateLoader.LoadPkcs12(bytes, password: null, StorageFlags);
        }
    }

    private static X509KeyStorageFlags StorageFlags => OperatingSystem.IsMacOS() ? X509KeyStorageFlags.DefaultKeySet : X509KeyStorageFlags.EphemeralKeySet;
}
