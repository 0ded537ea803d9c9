using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Cms.GraphQL.Http;

/// <summary>
/// Automatic persisted queries (Apollo's protocol): a client sends the SHA-256 of its query; when the server does
/// not know it yet, the client sends query and hash once, and from then on the hash alone, by GET, so a CDN can
/// cache the URL. Kept in memory, bounded; after a restart clients register again.
/// </summary>
internal sealed class PersistedQueryStore(IOptions<CmsGraphQLOptions> options) : IDisposable
{
    private readonly MemoryCache _queries = new(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.MaxPersistedQueries) });

    public static string Hash(string query) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));

    public string? Find(string hash) => _queries.TryGetValue(hash, out string? query) ? query : null;

    public void Add(string hash, string query)
    {
        using var entry = _queries.CreateEntry(hash);
        entry.Value = query;
        entry.Size = 1;
        entry.SlidingExpiration = TimeSpan.FromDays(1);
    }

    public void Dispose() => _queries.Dispose();
}
