using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Cms.Web.Tests.Support;

/// <summary>A self-signed RSA certificate made by the test, as a .pfx for <c>Cms:Keys:CertificatePath</c> (none lives in the repository).</summary>
public static class KeyCertificate
{
    /// <summary>Writes <c>{name}.pfx</c> (subject <c>CN={name}</c>) into <paramref name="folder"/>, protected by <paramref name="password"/> if given; returns its path.</summary>
    public static string Create(string folder, string name, string? password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddYears(1));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return path;
    }
}
