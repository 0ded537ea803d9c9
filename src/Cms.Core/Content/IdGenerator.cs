namespace Cms.Core.Content;

/// <summary>Makes 26-character lower-case base-32 ids, the shape Orchard Core uses for content item ids.</summary>
public static class IdGenerator
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public static string NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        Guid.NewGuid().TryWriteBytes(bytes);
        Span<char> chars = stackalloc char[26];
        var bitBuffer = 0;
        var bitCount = 0;
        var index = 0;
        foreach (var b in bytes)
        {
            bitBuffer = (bitBuffer << 8) | b;
            bitCount += 8;
            while (bitCount >= 5)
            {
                bitCount -= 5;
                chars[index++] = Alphabet[(bitBuffer >> bitCount) & 31];
            }
        }

        chars[index] = Alphabet[(bitBuffer << (5 - bitCount)) & 31];
        return new string(chars);
    }

    /// <summary>
    /// Whether a client-chosen id is acceptable: 1 to 64 letters, digits, '-' or '_' (recipes use readable ids such as
    /// <c>author-02</c>).
    /// </summary>
    public static bool IsValid(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
