using System.Net;
using System.Text;
using Cms.Data.Entities;
using Cms.Security.OpenId;
using Cms.Security.Tests.Support;
using Cms.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Cms.Security.Tests;

/// <summary>Password hashes and security stamps never leave the server: not in any /api response, not in tokens.</summary>
public sealed class ApiSecretsTests(SecurityTestFactory host) : IClassFixture<SecurityTestFactory>
{
    private static readonly string[] ForbiddenWords = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "AspNet.Identity.SecurityStamp", "cms_stamp"];

    [Fact]
    public async Task No_api_response_contains_a_password_hash_or_security_stamp()
    {
        var admin = await host.InScopeAsync(async s => (await s.GetRequiredService<UserManager<CmsUser>>().FindByNameAsync(CmsWebApplicationFactory.AdminUserName))!);
        var browser = await host.SignInAsync(CmsWebApplicationFactory.AdminUserName, CmsWebApplicationFactory.AdminPassword);
        var client = await host.CreateClientAsync(new ClientInput { ClientId = TestHost.Unique("scan"), DisplayName = "Scan", AllowClientCredentialsFlow = true, Roles = ["Administrator"] });
        var token = await host.Browser().ClientCredentialsTokenAsync(client.ClientId, client.Secret!);

        var paths = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) && e.RoutePattern.Parameters.Count == 0)
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("GET") != false)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct()
            .ToList();
        Assert.Contains("/api/me", paths);

        foreach (var path in paths)
        {
            foreach (var response in new[] { await browser.GetAsync(path), await SendWithBearerAsync(path, token) })
            {
                var body = await response.Content.ReadAsStringAsync();
                AssertClean(body, admin, path);
            }
        }
    }

    [Fact]
    public async Task Tokens_and_userinfo_carry_no_password_hash_or_security_stamp()
    {
        var userName = TestHost.Unique("reader");
        await host.CreateUserAsync(userName, "Author");
        var user = await host.InScopeAsync(async s => (await s.GetRequiredService<UserManager<CmsUser>>().FindByNameAsync(userName))!);
        var spa = await host.CreateClientAsync(new ClientInput
        {
            ClientId = TestHost.Unique("spa"),
            DisplayName = "Spa",
            Type = ClientType.Public,
            AllowAuthorizationCodeFlow = true,
            RedirectUris = ["https://app.example.com/cb"],
        });
        var tokens = await (await host.SignInAsync(userName)).AuthorizationCodeFlowAsync(spa.ClientId, null, "https://app.example.com/cb", "openid profile email roles cms_api");
        var access = tokens.GetProperty("access_token").GetString()!;
        var identity = tokens.GetProperty("id_token").GetString()!;

        var userInfo = await (await SendWithBearerAsync("/connect/userinfo", access)).Content.ReadAsStringAsync();

        AssertClean(Base64UrlEncoder.Decode(access.Split('.')[1]), user, "access token");
        AssertClean(Base64UrlEncoder.Decode(identity.Split('.')[1]), user, "identity token");
        AssertClean(userInfo, user, "userinfo");
        Assert.Contains(userName, userInfo, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> SendWithBearerAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var response = await host.Browser().SendAsync(request);
        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        return response;
    }

    private static void AssertClean(string text, CmsUser user, string where)
    {
        Assert.False(string.IsNullOrEmpty(user.PasswordHash));
        Assert.DoesNotContain(user.PasswordHash!, text, StringComparison.Ordinal);
        Assert.DoesNotContain(user.SecurityStamp!, text, StringComparison.Ordinal);
        Assert.DoesNotContain(OpenIdIdentityFactory.StampDigest(user.SecurityStamp), text, StringComparison.Ordinal);
        foreach (var word in ForbiddenWords)
        {
            Assert.False(text.Contains(word, StringComparison.OrdinalIgnoreCase), $"{where} contains '{word}': {Encoding.UTF8.GetByteCount(text)} bytes");
        }
    }
}
