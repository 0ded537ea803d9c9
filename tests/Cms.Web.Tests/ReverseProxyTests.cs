using System.Net;
using Cms.Data;
using Cms.Testing;
using Cms.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Web.Tests;

/// <summary>
/// Behind a TLS-terminating proxy (Production, so <c>/connect/*</c> needs HTTPS): <c>X-Forwarded-Proto</c> and
/// <c>X-Forwarded-For</c> count only from the proxies of <c>Cms:ReverseProxy</c>; the OpenID endpoints then work over the
/// proxy's HTTPS and the audit trail names the real client.
/// </summary>
public sealed class ReverseProxyTests : IClassFixture<ReverseProxyTests.ProxiedSite>
{
    private const string Client = "203.0.113.7";
    private readonly ProxiedSite _site;

    public ReverseProxyTests(ProxiedSite site)
    {
        _site = site;
    }

    [Fact]
    public async Task A_trusted_proxys_https_and_client_address_are_honoured()
    {
        var token = await TokenAsync(peer: "10.1.2.3");
        Assert.NotEqual(HttpStatusCode.BadRequest, token.StatusCode);
        Assert.DoesNotContain("ID2083", await token.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await FailSignInAsync(peer: "10.1.2.3", "someone-behind-the-proxy");
        Assert.Equal(Client, await AuditedAddressAsync());
    }

    [Fact]
    public async Task Forwarded_headers_from_anyone_else_are_ignored()
    {
        var token = await TokenAsync(peer: "198.51.100.9");
        Assert.Equal(HttpStatusCode.BadRequest, token.StatusCode);
        Assert.Contains("ID2083", await token.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await FailSignInAsync(peer: "198.51.100.9", "someone-spoofing");
        Assert.Equal("198.51.100.9", await AuditedAddressAsync());
    }

    private async Task<HttpResponseMessage> TokenAsync(string peer)
    {
        var http = _site.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = "nobody", ["client_secret"] = "x" }),
        };
        request.Headers.Add(RemoteAddressStartupFilter.Header, peer);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", Client);
        return await http.SendAsync(request);
    }

    private async Task FailSignInAsync(string peer, string userName)
    {
        var session = new CookieSession(_site);
        session.Headers[RemoteAddressStartupFilter.Header] = peer;
        session.Headers["X-Forwarded-Proto"] = "https";
        session.Headers["X-Forwarded-For"] = Client;
        await session.SubmitFormAsync("/admin/login", "/admin/login", new() { ["Input.UserName"] = userName, ["Input.Password"] = "wrong-password" });
    }

    private async Task<string?> AuditedAddressAsync()
    {
        await using var scope = _site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CmsDbContext>().AuditEvents.AsNoTracking()
            .Where(a => a.Kind == "security.sign-in-failed").OrderByDescending(a => a.Id).Select(a => a.IpAddress).FirstAsync();
    }

    /// <summary>A Production site whose proxies are the 10.0.0.0/8 network.</summary>
    public sealed class ProxiedSite : CmsWebApplicationFactory
    {
        public ProxiedSite()
        {
            Environment = "Production";
            WithSetting("Cms:ReverseProxy:KnownNetworks", "10.0.0.0/8");
            WithServices(services => services.AddTransient<IStartupFilter, RemoteAddressStartupFilter>());
        }
    }
}
