using System.Collections.Concurrent;
using System.Text.Json;
using Xunit;

namespace Cms.Testing;

/// <summary>
/// Client-credentials tokens from <c>/connect/token</c>, as a front end or a script gets them, for test clients whose
/// secret is <c>test-secret-{clientId}</c>. Kept per client until <see cref="Forget"/>.
/// </summary>
public sealed class ClientCredentials(HttpClient http)
{
    private readonly ConcurrentDictionary<string, string> _tokens = new(StringComparer.Ordinal);

    public async Task<string> TokenAsync(string clientId)
    {
        if (_tokens.TryGetValue(clientId, out var cached))
        {
            return cached;
        }

        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = "test-secret-" + clientId,
            ["scope"] = "cms_api",
        }));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return _tokens[clientId] = JsonDocument.Parse(text).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>Drops the kept tokens (after moving a test clock, say), so the next call asks again.</summary>
    public void Forget() => _tokens.Clear();
}
