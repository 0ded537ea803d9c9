using System.Net;
using Cms.Security.OpenId;
using Cms.Security.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Cms.Security.Tests;

/// <summary>Tokens against a clock the test moves, and keys that outlive the process.</summary>
public sealed class TokenLifetimeTests
{
    [Fact]
    public async Task An_expired_access_token_is_refused_by_the_api()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = new SecurityTestFactory();
        host.WithServices(services => services.AddSingleton<TimeProvider>(clock));
        var client = await host.CreateClientAsync(Machine());
        var http = host.Browser();
        var token = await http.ClientCredentialsTokenAsync(client.ClientId, client.Secret!);
        var fresh = await http.GetJsonAsync("/api/me", token);

        clock.Advance(TimeSpan.FromMinutes(61));
        var expired = await http.GetJsonAsync("/api/me", token);

        Assert.Equal(HttpStatusCode.OK, fresh.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.Status);
    }

    [Fact]
    public async Task Signing_keys_are_kept_in_the_data_directory_so_tokens_survive_a_restart()
    {
        await using var first = new SecurityTestFactory();
        var client = await first.CreateClientAsync(Machine());
        var token = await first.Browser().ClientCredentialsTokenAsync(client.ClientId, client.Secret!);
        var keyFile = Path.Combine(first.DataDirectory, "keys", "openid-signing.pfx");
        var written = File.GetLastWriteTimeUtc(keyFile);

        await using var restarted = new SecurityTestFactory();
        restarted.WithSetting("Cms:DataDirectory", first.DataDirectory);
        var (status, me) = await restarted.Browser().GetJsonAsync("/api/me", token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(client.ClientId, me.GetProperty("id").GetString());
        Assert.Equal(written, File.GetLastWriteTimeUtc(keyFile));
    }

    private static ClientInput Machine() => new()
    {
        ClientId = TestHost.Unique("clock"),
        DisplayName = "Clock client",
        AllowClientCredentialsFlow = true,
        Roles = ["Editor"],
    };
}
