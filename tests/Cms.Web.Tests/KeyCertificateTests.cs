using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Cms.Data;
using Cms.Security.Keys;
using Cms.Testing;
using Cms.Web.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cms.Web.Tests.Support.TwoNodes;

namespace Cms.Web.Tests;

/// <summary>
/// With <c>Cms:Keys:CertificatePath</c> the shared keys are encrypted at rest: the stored rows give up no key without the
/// certificate (and do with it), and a second node with the same certificate shares them: a token and a cookie of one
/// are accepted by the other. A node without the certificate, or with another, stops at start-up
/// (<see cref="StartupFailureTests"/>).
/// </summary>
public sealed class KeyCertificateTests : IDisposable
{
    private const string Password = "pfx-password-7";

    private readonly ScratchFolder _scratch = new("cms-key-certificates");

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task On_one_SQLite_file_the_stored_keys_are_encrypted_and_a_node_with_the_same_certificate_shares_them()
    {
        var pfx = KeyCertificate.Create(_scratch.Path, "cms-keys", Password);
        var data = Path.Combine(_scratch.Path, "data");
        using var a = WithCertificate(new CmsWebApplicationFactory().WithSetting("Cms:DataDirectory", data), pfx);
        _ = a.Services;
        await RunRecipeAsync(a, DeskRecipe);
        using var b = WithCertificate(new CmsWebApplicationFactory().WithSetting("Cms:DataDirectory", data), pfx);

        await AssertEncryptedAndSharedAsync(a, b, pfx);
    }

    [SkippableFact]
    public async Task On_PostgreSQL_the_stored_keys_are_encrypted_and_a_node_with_the_same_certificate_shares_them()
    {
        TestEnvironment.RequirePostgres();
        var pfx = KeyCertificate.Create(_scratch.Path, "cms-keys", Password);
        await using var nodes = await StartAsync(node => WithCertificate(node, pfx));

        await AssertEncryptedAndSharedAsync(nodes.A, nodes.B, pfx);
    }

    private static CmsWebApplicationFactory WithCertificate(CmsWebApplicationFactory node, string pfx) =>
        node.WithSetting("Cms:Keys:CertificatePath", pfx).WithSetting("Cms:Keys:CertificatePassword", Password);

    private async Task AssertEncryptedAndSharedAsync(CmsWebApplicationFactory a, CmsWebApplicationFactory b, string pfx)
    {
        var token = await new ClientCredentials(a.CreateClient()).TokenAsync(DeskClient);
        await AssertAcceptsTokenAsync(b, token);
        await AssertAcceptsCookieAsync(b, await SignInAsync(a));

        await using var scope = b.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var ring = await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync();
        var openId = await db.OpenIdKeys.AsNoTracking().OrderBy(k => k.Purpose).Select(k => k.Data).ToListAsync();
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(pfx, Password);
        Assert.Single(ring);
        Assert.Equal(2, openId.Count);

        // The master key is stored as XML encryption to the certificate, never as its plain value.
        Assert.All(ring, xml =>
        {
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.Contains(Convert.ToBase64String(certificate.RawData), xml, StringComparison.Ordinal);
        });

        // An OpenID key is no PKCS#12 in the clear, and the key ring of the rows alone cannot open it; with the
        // certificate it can, and it holds the private key the tokens are signed with.
        Assert.All(openId, data => Assert.ThrowsAny<CryptographicException>(() => X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(data), password: null)));
        Assert.All(openId, data => Assert.ThrowsAny<CryptographicException>(() => UnprotectWithRowsAlone(ring, data, certificate: null)));
        Assert.All(openId, data =>
        {
            using var key = X509CertificateLoader.LoadPkcs12(UnprotectWithRowsAlone(ring, data, certificate), password: null);
            Assert.True(key.HasPrivateKey);
        });
    }

    /// <summary>What someone holding the database rows (and, if given, the certificate) can decrypt: a key ring made only of them.</summary>
    private byte[] UnprotectWithRowsAlone(List<string> ring, string data, X509Certificate2? certificate)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_scratch.Path, "ring-" + Guid.NewGuid().ToString("N")));
        for (var i = 0; i < ring.Count; i++)
        {
            File.WriteAllText(Path.Combine(folder.FullName, $"key-{i}.xml"), ring[i]);
        }

        var provider = DataProtectionProvider.Create(folder, builder =>
        {
            builder.SetApplicationName("NewsroomCms");
            if (certificate is not null)
            {
                builder.UnprotectKeysWithAnyCertificate(certificate);
            }
        });
        return provider.CreateProtector(SharedKeys.ProtectorPurpose).Unprotect(Convert.FromBase64String(data));
    }
}
