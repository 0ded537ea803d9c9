using System.Security.Cryptography;
using System.Text;

namespace Cms.Media.Derivatives;

/// <summary>Signs derivative URLs (HMAC-SHA256, base64url) and makes their version hashes.</summary>
public sealed class MediaSigner(MediaSigningKey key)
{
    public string Sign(string path, IReadOnlyDictionary<string, string> raw)
    {
        var mac = HMACSHA256.HashData(key.Bytes, Encoding.UTF8.GetBytes(DerivativeCommands.SignedText(path, raw)));
        return Base64Url(mac);
    }

    public bool Verify(string path, IReadOnlyDictionary<string, string> raw, string? token)
    {
        if (token is null || token.Length != 43)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(path, raw));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(token));
    }

    /// <summary>The <c>v</c> of a URL: a hash of the stored file and of what is rendered from it (crop, focal point, size).</summary>
    public static string Version(string contentHash, string renderText) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(contentHash + "|" + renderText)))[..16];

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
