using System.Data.Common;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Cms.Core.Audit;
using Cms.Core.Content;
using Cms.Data;
using Cms.Data.Entities;
using Cms.Data.Stores;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cms.Security.Keys;

/// <summary>
/// The keys every node must share, in the database: the data-protection key ring (cookies, antiforgery, two-factor
/// tokens) and the OpenID signing and encryption certificates. <see cref="EnsureAsync"/> runs at start-up, before the
/// server takes requests, and creates what is missing exactly once however many nodes start together: on PostgreSQL
/// under an advisory lock (the data-protection key), and with a unique generation per purpose (the OpenID keys), so a
/// node that loses the race reads the winner's key. A certificate that expires within <see cref="RenewBefore"/> gets a
/// successor; the old one stays for verification until it expires. Before anything is created, every data-protection key
/// in the database must be readable here: a node without the certificate the keys were encrypted with (or with another
/// one) stops with a <see cref="SharedKeysException"/> naming <c>Cms:Keys:CertificatePath</c>, instead of making a key
/// ring of its own that the other nodes could not share.
/// </summary>
public sealed class SharedKeys(
    IServiceScopeFactory scopes,
    IKeyManager keyManager,
    Microsoft.Extensions.Options.IOptions<KeyManagementOptions> keyOptions,
    IDataProtectionProvider protection,
    CmsDataOptions data,
    KeyEncryptionCertificate encryption,
    AuditOrigin origin,
    TimeProvider clock,
    ILogger<SharedKeys> logger)
{
    public const string Signing = "signing";
    public const string Encryption = "encryption";
    public const string KeyCreated = "keys.openid-created";
    public static readonly TimeSpan RenewBefore = TimeSpan.FromDays(30);
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(5 * 365);

    /// <summary>The data-protection purpose that protects the OpenID keys in the database.</summary>
    public const string ProtectorPurpose = "Cms.Security.OpenIdKeys";

    // An arbitrary number shared by every node: the advisory lock SharedKeysLock serializes key creation.
    private const long SharedKeysLock = 0x434D534B455953;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<X509Certificate2>> _loaded = new(StringComparer.Ordinal);

    /// <summary>Creates the data-protection key and the OpenID keys if there are none (or they expire soon).</summary>
    public async Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        await EnsureStoredAsync(cancellationToken);
        Reload();
    }

    /// <summary>The creating half of <see cref="EnsureAsync"/>: what is missing is written, nothing is loaded.</summary>
    public async Task EnsureStoredAsync(CancellationToken cancellationToken = default)
    {
        await using var gate = await DatabaseLock.AcquireAsync(data, SharedKeysLock, cancellationToken: cancellationToken);
        VerifyDataProtectionKeysReadable();
        EnsureDataProtectionKey();
        foreach (var purpose in new[] { Signing, Encryption })
        {
            await EnsureOpenIdKeyAsync(purpose, cancellationToken);
        }
    }

    /// <summary>
    /// The OpenID certificates of one purpose that have not expired, newest first: as loaded at start-up (or after
    /// another node created a key), so building the OpenID options never waits on the database, and an options build
    /// while the database is down cannot fail for good (the options cache keeps a failed build).
    /// </summary>
    public IReadOnlyList<X509Certificate2> LoadCertificates(string purpose)
    {
        if (_loaded.TryGetValue(purpose, out var certificates))
        {
            return certificates;
        }

        Reload();
        return _loaded[purpose];
    }

    /// <summary>Reads the OpenID certificates from the database again (after another node created one).</summary>
    public void Reload()
    {
        foreach (var purpose in new[] { Signing, Encryption })
        {
            _loaded[purpose] = ReadCertificates(purpose);
        }
    }

    private IReadOnlyList<X509Certificate2> ReadCertificates(string purpose)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var protector = protection.CreateProtector(ProtectorPurpose);
        return [.. db.OpenIdKeys.AsNoTracking()
            .Where(k => k.Purpose == purpose && k.NotAfterUtc > now)
            .OrderByDescending(k => k.Generation)
            .AsEnumerable()
            .Select(k => X509CertificateLoader.LoadPkcs12(protector.Unprotect(Convert.FromBase64String(k.Data)), password: null, StorageFlags))];
    }

    /// <summary>For the readiness check: the keys can be read and decrypted.</summary>
    public string? CheckReadable()
    {
        try
        {
            if (ReadCertificates(Signing).Count == 0 || ReadCertificates(Encryption).Count == 0)
            {
                return "No valid OpenID signing or encryption key in the database.";
            }

            return null;
        }
        catch (CryptographicException ex)
        {
            return "The keys in the database cannot be decrypted: " + ex.Message;
        }
    }

    /// <summary>
    /// Every data-protection key in the database can be decrypted with this node's settings; if one cannot, throws a
    /// <see cref="SharedKeysException"/> that says which certificate it needs. The certificate a key was encrypted to is
    /// named in its XML, so this is checked before the key manager reads the keys (which would log each failure with a
    /// stack trace); then every key that is not revoked is decrypted, for keys protected some other way.
    /// </summary>
    private void VerifyDataProtectionKeysReadable()
    {
        var xmlDsig = System.Xml.Linq.XNamespace.Get("http://www.w3.org/2000/09/xmldsig#");
        var unencrypted = 0;
        foreach (var element in keyOptions.Value.XmlRepository?.GetAllElements() ?? [])
        {
            if (element.Name.LocalName == "key" && !element.Descendants().Any(d => d.Name.LocalName == "encryptedSecret"))
            {
                unencrypted++;
            }

            if (element.Name.LocalName == "key" && element.Descendants(xmlDsig + "X509Certificate").FirstOrDefault()?.Value is { } embedded)
            {
                using var needed = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(embedded));
                var neededText = $"the certificate {needed.Subject} (thumbprint {needed.Thumbprint})";
                if (encryption.Certificate is not { } have)
                {
                    throw new SharedKeysException($"The data-protection keys in the database are encrypted with {neededText}, but Cms:Keys:CertificatePath is not set on this node: set it (and Cms:Keys:CertificatePassword if the .pfx has one) to the same .pfx file as the other nodes.");
                }

                if (!string.Equals(needed.Thumbprint, have.Thumbprint, StringComparison.OrdinalIgnoreCase))
                {
                    throw new SharedKeysException($"The data-protection keys in the database are encrypted with {neededText}, but Cms:Keys:CertificatePath '{encryption.Path}' is another certificate ({have.Subject}, thumbprint {have.Thumbprint}): set it to the same .pfx file as the other nodes.");
                }
            }
        }

        if (encryption.Certificate is not null && unencrypted > 0)
        {
            logger.LogWarning(
                "{Count} data-protection keys in the database were stored before Cms:Keys:CertificatePath was set and are not encrypted; they stay in use (and protect the OpenID keys made with them), only keys made from now on are encrypted. See the README's \"Running several nodes\" for how to start with encrypted keys only",
                unencrypted);
        }

        foreach (var key in keyManager.GetAllKeys().Where(k => !k.IsRevoked))
        {
            try
            {
                _ = key.Descriptor;
            }
            catch (CryptographicException ex)
            {
                throw new SharedKeysException($"The data-protection key {key.KeyId} in the database cannot be decrypted on this node ({ex.Message.TrimEnd('.')}): set Cms:Keys:CertificatePath (and Cms:Keys:CertificatePassword) to the same .pfx file as the other nodes.", ex);
            }
        }
    }

    private void EnsureDataProtectionKey()
    {
        ImportLegacyDataProtectionKeys();
        var now = clock.GetUtcNow();
        var usable = keyManager.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now.AddDays(2));
        if (!usable)
        {
            keyManager.CreateNewKey(now, now.AddDays(90));
            logger.LogInformation("Created the data-protection key in the database");
        }
    }

    private async Task EnsureOpenIdKeyAsync(string purpose, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            var now = clock.GetUtcNow();
            var newest = await db.OpenIdKeys.AsNoTracking().Where(k => k.Purpose == purpose)
                .OrderByDescending(k => k.Generation).Select(k => new { k.Generation, k.NotAfterUtc }).FirstOrDefaultAsync(cancellationToken);
            if (newest is not null && newest.NotAfterUtc > now.UtcDateTime.Add(RenewBefore))
            {
                return;
            }

            var certificate = newest is null ? LegacyFile(purpose) ?? Create(purpose, now) : Create(purpose, now);
            db.OpenIdKeys.Add(new OpenIdKeyRecord
            {
                Purpose = purpose,
                Generation = (newest?.Generation ?? 0) + 1,
                Data = Convert.ToBase64String(protection.CreateProtector(ProtectorPurpose).Protect(certificate.Export(X509ContentType.Pkcs12))),
                CreatedUtc = now.UtcDateTime,
                NotAfterUtc = certificate.NotAfter.ToUniversalTime(),
            });
            db.AuditEvents.Add(EfAuditLog.ToRecord(new AuditEntry(KeyCreated, AuditTargets.Keys, purpose) { Summary = $"OpenID {purpose} key, generation {(newest?.Generation ?? 0) + 1}" }, ContentActor.System, now.UtcDateTime, origin));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Created the OpenID {Purpose} key (generation {Generation}) in the database", purpose, (newest?.Generation ?? 0) + 1);
                return;
            }
            catch (DbUpdateException)
            {
                // Another node created this generation first: read again and use its key.
            }
        }
    }

    /// <summary>Keys an earlier version kept in the data directory, so cookies issued before the upgrade stay valid.</summary>
    private void ImportLegacyDataProtectionKeys()
    {
        var folder = Path.Combine(Path.GetFullPath(data.DataDirectory), "keys", "data-protection");
        if (keyOptions.Value.XmlRepository is not { } repository || !Directory.Exists(folder) || repository.GetAllElements().Count > 0)
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "key-*.xml"))
        {
            repository.StoreElement(System.Xml.Linq.XElement.Load(file), Path.GetFileNameWithoutExtension(file));
            logger.LogInformation("Moved the data-protection key {File} from the data directory into the database", Path.GetFileName(file));
        }
    }

    /// <summary>A certificate generated into the data directory by an earlier version, so its tokens stay valid.</summary>
    private X509Certificate2? LegacyFile(string purpose)
    {
        var file = Path.Combine(Path.GetFullPath(data.DataDirectory), "keys", $"openid-{purpose}.pfx");
        if (!File.Exists(file))
        {
            return null;
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(file, password: null, X509KeyStorageFlags.Exportable);
        if (certificate.NotAfter.ToUniversalTime() <= clock.GetUtcNow().UtcDateTime.Add(RenewBefore))
        {
            return null;
        }

        logger.LogInformation("Moved the OpenID {Purpose} key from the data directory into the database", purpose);
        return certificate;
    }

    private static X509Certificate2 Create(string purpose, DateTimeOffset now)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=Newsroom CMS OpenID {purpose}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var usage = purpose == Signing ? X509KeyUsageFlags.DigitalSignature : X509KeyUsageFlags.KeyEncipherment;
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.Add(Lifetime));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), password: null, X509KeyStorageFlags.Exportable);
    }

    private static X509KeyStorageFlags StorageFlags => OperatingSystem.IsMacOS() ? X509KeyStorageFlags.DefaultKeySet : X509KeyStorageFlags.EphemeralKeySet;
}
