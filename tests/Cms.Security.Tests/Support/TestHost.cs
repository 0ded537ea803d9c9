using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cms.Data.Entities;
using Cms.Security.OpenId;
using Cms.Security.Users;
using Cms.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Security.Tests.Support;

/// <summary>Helpers that act on a running test host the way a user, an administrator or a front end would.</summary>
public static class TestHost
{
    public const string Password = "Correct-Horse-Battery-9";

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    /// <summary>Creates a user through <see cref="UserAdministration"/>, acting as the setup administrator.</summary>
    public static async Task<UserSummary> CreateUserAsync(this CmsWebApplicationFactory factory, string userName, params string[] roles)
    {
        var admin = await factory.PrincipalForAsync(CmsWebApplicationFactory.AdminUserName);
        return await factory.InScopeAsync(async services =>
        {
            var result = await services.GetRequiredService<UserAdministration>().CreateAsync(admin, new NewUser
            {
                UserName = userName,
                Email = $"{userName}@example.com",
                Password = Password,
                Roles = roles,
            });
            Assert.True(result.Succeeded, result.ToString());
            return result.Value!;
        });
    }

    /// <summary>The principal the admin cookie would carry for this user.</summary>
    public static Task<ClaimsPrincipal> PrincipalForAsync(this CmsWebApplicationFactory factory, string userName) =>
        factory.InScopeAsync(async services =>
        {
            var user = await services.GetRequiredService<UserManager<CmsUser>>().FindByNameAsync(userName)
                ?? throw new InvalidOperationException($"No user {userName}.");
            return await services.GetRequiredService<SignInManager<CmsUser>>().CreateUserPrincipalAsync(user);
        });

    public static async Task<T> InScopeAsync<T>(this CmsWebApplicationFactory factory, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>Runs <paramref name="action"/> as if inside a request made by <paramref name="user"/>.</summary>
    public static async Task<T> AsUserAsync<T>(this CmsWebApplicationFactory factory, ClaimsPrincipal user, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        var previous = accessor.HttpContext;
        accessor.HttpContext = new DefaultHttpContext { User = user, RequestServices = scope.ServiceProvider };
        try
        {
            return await action(scope.ServiceProvider);
        }
        finally
        {
            accessor.HttpContext = previous;
        }
    }

    public static HttpClient Browser(this CmsWebApplicationFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client holding the admin cookie of this user.</summary>
    public static async Task<HttpClient> SignInAsync(this CmsWebApplicationFactory factory, string userName, string password = Password)
    {
        var browser = factory.Browser();
        var response = await browser.PostAsync("/test/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = userName, ["password"] = password }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return browser;
    }

    /// <summary>A <see cref="CookieSession"/> signed in as this user through <c>/test/sign-in</c>.</summary>
    public static async Task<CookieSession> SignInSessionAsync(this CmsWebApplicationFactory factory, string userName, string password = Password)
    {
        var session = new CookieSession(factory);
        var response = await session.SendAsync(HttpMethod.Post, "/test/sign-in", new Dictionary<string, string> { ["userName"] = userName, ["password"] = password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("", session.AuthCookie);
        return session;
    }

    public static async Task<string> SignInResultAsync(this HttpClient browser, string userName, string password)
    {
        var response = await browser.PostAsync("/test/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = userName, ["password"] = password }));
        return await response.Content.ReadAsStringAsync();
    }

    public static async Task<ClientSecret> CreateClientAsync(this CmsWebApplicationFactory factory, ClientInput input)
    {
        var admin = await factory.PrincipalForAsync(CmsWebApplicationFactory.AdminUserName);
        return await factory.InScopeAsync(async services =>
        {
            var result = await services.GetRequiredService<ClientAdministration>().CreateAsync(admin, input);
            Assert.True(result.Succeeded, result.ToString());
            return result.Value!;
        });
    }

    public static Task<HttpResponseMessage> RequestTokenAsync(this HttpClient client, params (string Key, string Value)[] form) =>
        client.PostAsync("/connect/token", new FormUrlEncodedContent(form.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))));

    public static async Task<string> ClientCredentialsTokenAsync(this HttpClient client, string clientId, string secret, string? scope = null)
    {
        var form = new List<(string, string)> { ("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", secret) };
        if (scope is not null)
        {
            form.Add(("scope", scope));
        }

        var response = await client.RequestTokenAsync([.. form]);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> GetJsonAsync(this HttpClient client, string url, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 && text.TrimStart().StartsWith('{') ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }

    public static (string Verifier, string Challenge) NewPkce()
    {
        var verifier = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var challenge = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (verifier, challenge);
    }

    public static string AuthorizeUrl(string clientId, string redirectUri, string scope, string? challenge)
    {
        var query = new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = clientId,
            ["redirect_uri"] = redirectUri,
            ["scope"] = scope,
            ["state"] = "state-123",
        };
        if (challenge is not null)
        {
            query["code_challenge"] = challenge;
            query["code_challenge_method"] = "S256";
        }

        return QueryHelpers.AddQueryString("/connect/authorize", query);
    }

    /// <summary>The whole authorization code flow with PKCE for a signed-in browser; returns the token response.</summary>
    public static async Task<JsonElement> AuthorizationCodeFlowAsync(this HttpClient browser, string clientId, string? secret, string redirectUri, string scope = "openid profile email roles offline_access cms_api")
    {
        var (verifier, challenge) = NewPkce();
        var authorize = await browser.GetAsync(AuthorizeUrl(clientId, redirectUri, scope, challenge));
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        var location = authorize.Headers.Location!;
        Assert.StartsWith(redirectUri, location.ToString(), StringComparison.Ordinal);
        var code = QueryHelpers.ParseQuery(location.Query)["code"].ToString();
        Assert.False(string.IsNullOrEmpty(code), location.ToString());

        var form = new List<(string, string)>
        {
            ("grant_type", "authorization_code"), ("client_id", clientId), ("code", code), ("redirect_uri", redirectUri), ("code_verifier", verifier),
        };
        if (secret is not null)
        {
            form.Add(("client_secret", secret));
        }

        var token = await browser.RequestTokenAsync([.. form]);
        var body = await token.Content.ReadAsStringAsync();
        Assert.True(token.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
}
