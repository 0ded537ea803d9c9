using System.Security.Cryptography.X509Certificates;
using Cms.Security.Keys;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace Cms.Security.OpenId;

/// <summary>
/// Gives the OpenID Connect server its signing and encryption keys: from the configured certificate files, or the
/// ones every node shares in the database (<see cref="SharedKeys"/>): every key that has not expired, newest first,
/// so tokens signed with an older key are still accepted after a successor was created. Never ephemeral keys.
/// </summary>
public sealed class OpenIdKeyConfiguration(SharedKeys sharedKeys, IOptions<CmsOpenIdOptions> options) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions server)
    {
        var settings = options.Value;
        foreach (var signing in Load(settings.SigningCertificatePath, settings.SigningCertificatePassword, SharedKeys.Signing))
        {
            server.SigningCredentials.Add(new SigningCredentials(new X509SecurityKey(signing), SecurityAlgorithms.RsaSha256));
        }

        foreach (var encryption in Load(settings.EncryptionCertificatePath, settings.EncryptionCertificatePassword, SharedKeys.Encryption))
        {
            server.EncryptionCredentials.Add(new EncryptingCredentials(new X509SecurityKey(encryption), SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
        }
    }

    private IReadOnlyList<X509Certificate2> Load(string? configuredPath, string? password, string purpose)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(Path.GetFullPath(configuredPath), password, StorageFlags);
            if (!certificate.HasPrivateKey)
            {
                throw new InvalidOperationException($"The OpenID {purpose} certificate '{configuredPath}' has no private key.");
            }

            return [certificate];
        }

        var shared = sharedKeys.LoadCertificates(purpose);
        if (shared.Count == 0)
        {
            // A process that did not run the start-up (a command): create them now, as the first node would.
            sharedKeys.EnsureAsync().GetAwaiter().GetResult();
            shared = sharedKeys.LoadCertificates(purpose);
        }

        return shared;
    }

    private static X509KeyStorageFlags StorageFlags => OperatingSystem.IsMacOS() ? X509KeyStorageFlags.DefaultKeySet : X509KeyStorageFlags.EphemeralKeySet;
}
