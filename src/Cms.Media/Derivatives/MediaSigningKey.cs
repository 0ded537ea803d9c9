using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Cms.Media.Derivatives;

/// <summary>
/// The HMAC key of derivative URLs: <c>Cms:Media:SigningKey</c> when set (base64 of at least 32 bytes, or text of at
/// least 32 characters), otherwise 32 random bytes generated once into <c>{DataDirectory}/keys/media-signing.key</c>,
/// so every process on the same data directory signs alike.
/// </summary>
public sealed class MediaSigningKey
{
    public const string FileName = "media-signing.key";

    public MediaSigningKey(IOptions<MediaOptions> options)
    {
        Bytes = options.Value.SigningKey is { Length: > 0 } configured ? FromConfiguration(configured) : FromFile(options.Value.KeysPath);
    }

    internal byte[] Bytes { get; }

    private static byte[] FromConfiguration(string configured)
    {
        Span<byte> decoded = new byte[configured.Length];
        if (Convert.TryFromBase64String(configured, decoded, out var written) && written >= 32)
        {
            return decoded[..written].ToArray();
        }

        return configured.Length >= 32
            ? Encoding.UTF8.GetBytes(configured)
            : throw new InvalidOperationException("Cms:Media:SigningKey must be at least 32 characters (or base64 of at least 32 bytes).");
    }

    private static byte[] FromFile(string folder)
    {
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, FileName);
        if (!File.Exists(file))
        {
            try
            {
                using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write);
                stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
            }
            catch (IOException) when (File.Exists(file))
            {
                // Another process wrote it first: use theirs.
            }
        }

        var key = Convert.FromBase64String(File.ReadAllText(file).Trim());
        return key.Length >= 32 ? key : throw new InvalidOperationException($"The media signing key in {file} is shorter than 32 bytes.");
    }
}
