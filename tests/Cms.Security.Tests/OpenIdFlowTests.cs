using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Cms.Security.OpenId;
using Cms.Security.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Cms.Security.Tests;

/// <summary>The token endpoint, the authorize endpoint and bearer validation on /api, refusals first.</summary>
public sealed class OpenIdFlowTests(SecurityTestFactory host) : IClassFixture<SecurityTestFactory>
{
    private const string RedirectUri = "https://app.example.com/callback";

    [Fact]
    public async Task Client_credentials_token_from_connect_token_calls_api_me_with_the_clients_roles()
    {
        var client = await host.CreateClientAsync(new ClientInput
        {
            ClientId = TestHost.Unique("pipeline"),
            DisplayName = "Build pipeline",
            AllowClientCredentialsFlow = true,
            Roles = ["Editor"],
        });
        var http = host.Browser();

        var token = await http.ClientCredentialsTokenAsync(client.ClientId, client.Secret!, "cms_api");
        var (status, me) = await http.GetJsonAsync("/api/me", token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(client.ClientId, me.GetProperty("id").GetString());
        Assert.Equal("client", me.GetProperty("kind").GetString());
        Assert.Equal(["Editor"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var permissions = me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Contains("Publish_Article", permissions);
        Assert.DoesNotContain("ManageUsers", permissions);
    }

    [Fact]
    public async Task Client_credentials_without_a_scope_gets_the_api_scope()
    {
        var client = await NewMachineClientAsync();
        var http = host.Browser();

        var token = await http.ClientCredentialsTokenAsync(client.ClientId, client.Secret!);

        Assert.Equal(HttpStatusCode.OK, (await http.GetJsonAsync("/api/me", token)).Status);
    }

    [Fact]
    public async Task A_token_without_the_api_scope_is_refused_by_the_api()
    {
        var client = await NewMachineClientAsync();
        var http = host.Browser();

        var token = await http.ClientCredentialsTokenAsync(client.ClientId, client.Secret!, "roles");

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetJsonAsync("/api/me", token)).Status);
    }

    [Fact]
    public async Task Wrong_client_secret_is_invalid_client()
    {
        var client = await NewMachineClientAsync();

        var response = await host.Browser().RequestTokenAsync(("grant_type", "client_credentials"), ("client_id", client.ClientId), ("client_secret", client.Secret + "x"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (await response.ReadJsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_flow_the_client_is_not_allowed_is_unauthorized_client()
    {
        var client = await host.CreateClientAsync(new ClientInput
        {
            ClientId = TestHost.Unique("web"),
            DisplayName = "Web app",
            AllowAuthorizationCodeFlow = true,
            RedirectUris = [RedirectUri],
        });

        var response = await host.Browser().RequestTokenAsync(("grant_type", "client_credentials"), ("client_id", client.ClientId), ("client_secret", client.Secret!));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unauthorized_client", (await response.ReadJsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_redirect_uri_that_differs_by_one_character_is_refused()
    {
        var client = await NewPublicClientAsync();
        var browser = await SignedInEditorAsync();
        var (_, challenge) = TestHost.NewPkce();

        var wrong = await browser.GetAsync(TestHost.AuthorizeUrl(client.ClientId, RedirectUri + "s", "openid", challenge));
        var right = await browser.GetAsync(TestHost.AuthorizeUrl(client.ClientId, RedirectUri, "openid", challenge));

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("redirect_uri", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(wrong.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.StartsWith(RedirectUri + "?code=", right.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_public_client_without_PKCE_is_refused()
    {
        var client = await NewPublicClientAsync();
        var browser = await SignedInEditorAsync();

        var response = await browser.GetAsync(TestHost.AuthorizeUrl(client.ClientId, RedirectUri, "openid", challenge: null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("error:invalid_request", body, StringComparison.Ordinal);
        Assert.Contains("'code_challenge' parameter is missing", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_plain_PKCE_method_is_refused()
    {
        var client = await NewPublicClientAsync();
        var browser = await SignedInEditorAsync();
        var url = TestHost.AuthorizeUrl(client.ClientId, RedirectUri, "openid", "a-plain-challenge-that-is-long-enough-to-pass-length-checks").Replace("S256", "plain", StringComparison.Ordinal);

        var response = await browser.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("'code_challenge_method' is not supported", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_without_the_admin_cookie_goes_to_the_admin_sign_in_page()
    {
        var client = await NewPublicClientAsync();
        var (_, challenge) = TestHost.NewPkce();

        var response = await host.Browser().GetAsync(TestHost.AuthorizeUrl(client.ClientId, RedirectUri, "openid", challenge));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/admin/login?ReturnUrl=%2Fconnect%2Fauthorize", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorization_code_with_PKCE_gives_a_user_token_and_a_refresh_token_that_work()
    {
        var client = await NewPublicClientAsync();
        var userName = TestHost.Unique("ed");
        await host.CreateUserAsync(userName, "Editor");
        var browser = await host.SignInAsync(userName);

        var tokens = await browser.AuthorizationCodeFlowAsync(client.ClientId, secret: null, RedirectUri);
        var (status, me) = await host.Browser().GetJsonAsync("/api/me", tokens.GetProperty("access_token").GetString());
        var refreshed = await host.Browser().RequestTokenAsync(("grant_type", "refresh_token"), ("client_id", client.ClientId), ("refresh_token", tokens.GetProperty("refresh_token").GetString()!));
        var userInfo = await host.Browser().GetJsonAsync("/connect/userinfo", tokens.GetProperty("access_token").GetString());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(userName, me.GetProperty("name").GetString());
        Assert.Equal("user", me.GetProperty("kind").GetString());
        Assert.Contains("Authenticated", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.True(tokens.TryGetProperty("id_token", out _));
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.True((await refreshed.ReadJsonAsync()).TryGetProperty("access_token", out _));
        Assert.Equal(HttpStatusCode.OK, userInfo.Status);
        Assert.Equal($"{userName}@example.com", userInfo.Body.GetProperty("email").GetString());
    }

    [Fact]
    public async Task An_authorization_code_cannot_be_redeemed_without_the_PKCE_verifier()
    {
        var client = await NewPublicClientAsync();
        var browser = await SignedInEditorAsync();
        var (_, challenge) = TestHost.NewPkce();
        var authorize = await browser.GetAsync(TestHost.AuthorizeUrl(client.ClientId, RedirectUri, "openid cms_api", challenge));
        var code = QueryHelpers.ParseQuery(authorize.Headers.Location!.Query)["code"].ToString();

        var response = await browser.RequestTokenAsync(("grant_type", "authorization_code"), ("client_id", client.ClientId), ("code", code), ("redirect_uri", RedirectUri), ("code_verifier", TestHost.NewPkce().Verifier));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", (await response.ReadJsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_tampered_token_is_refused_by_the_api()
    {
        var client = await NewMachineClientAsync();
        var http = host.Browser();
        var token = await http.ClientCredentialsTokenAsync(client.ClientId, client.Secret!);
        var parts = token.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace("\"role\":\"Editor\"", "\"role\":\"Administrator\"", StringComparison.Ordinal);
        Assert.Contains("Administrator", payload, StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";

        var (status, _) = await http.GetJsonAsync("/api/me", tampered);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task A_token_signed_by_another_key_is_refused_by_the_api()
    {
        var client = await NewMachineClientAsync();
        var http = host.Browser();
        var genuine = new JsonWebToken(await http.ClientCredentialsTokenAsync(client.ClientId, client.Secret!));
        using var foreignKey = RSA.Create(2048);
        var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = genuine.Issuer,
            Audience = "cms_api",
            TokenType = "at+jwt",
            Claims = new Dictionary<string, object>
            {
                ["sub"] = client.ClientId,
                ["client_id"] = client.ClientId,
                ["cms_actor"] = "client",
                ["role"] = "Administrator",
                ["scope"] = "cms_api",
                ["oi_tkn_id"] = genuine.GetClaim("oi_tkn_id").Value,
            },
            IssuedAt = DateTime.UtcNow,
            Expires = DateTime.UtcNow.AddMinutes(30),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(foreignKey) { KeyId = genuine.Kid }, SecurityAlgorithms.RsaSha256),
        });

        var (status, _) = await http.GetJsonAsync("/api/me", forged);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task A_revoked_token_is_refused_by_the_api()
    {
        var client = await NewMachineClientAsync();
        var http = host.Browser();
        var token = await http.ClientCredentialsTokenAsync(client.ClientId, client.Secret!);
        Assert.Equal(HttpStatusCode.OK, (await http.GetJsonAsync("/api/me", token)).Status);

        var revoke = await http.PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = token,
            ["token_type_hint"] = "access_token",
            ["client_id"] = client.ClientId,
            ["client_secret"] = client.Secret!,
        }));

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetJsonAsync("/api/me", token)).Status);
    }

    [Fact]
    public async Task The_api_without_credentials_answers_401_not_a_redirect()
    {
        var response = await host.Browser().GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task The_api_accepts_the_admin_cookie()
    {
        var browser = await host.SignInAsync(Cms.Testing.CmsWebApplicationFactory.AdminUserName, Cms.Testing.CmsWebApplicationFactory.AdminPassword);

        var (status, me) = await browser.GetJsonAsync("/api/me");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("admin", me.GetProperty("name").GetString());
        Assert.Contains("ManageUsers", me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task Discovery_and_jwks_are_published()
    {
        var http = host.Browser();

        var (status, discovery) = await http.GetJsonAsync("/.well-known/openid-configuration");
        var (jwksStatus, jwks) = await http.GetJsonAsync("/.well-known/jwks");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("http://localhost/connect/token", discovery.GetProperty("token_endpoint").GetString());
        Assert.Equal(["S256"], discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains("cms_api", discovery.GetProperty("scopes_supported").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(HttpStatusCode.OK, jwksStatus);
        Assert.Equal("RSA", jwks.GetProperty("keys")[0].GetProperty("kty").GetString());
        // The keys live in the database, shared by every node (TwoNodeTests), not in the data folder.
        Assert.False(File.Exists(Path.Combine(host.DataDirectory, "keys", "openid-signing.pfx")));
        Assert.False(File.Exists(Path.Combine(host.DataDirectory, "keys", "openid-encryption.pfx")));
    }

    private Task<ClientSecret> NewMachineClientAsync() => host.CreateClientAsync(new ClientInput
    {
        ClientId = TestHost.Unique("machine"),
        DisplayName = "Machine",
        AllowClientCredentialsFlow = true,
        Roles = ["Editor"],
    });

    private Task<ClientSecret> NewPublicClientAsync() => host.CreateClientAsync(new ClientInput
    {
        ClientId = TestHost.Unique("spa"),
        DisplayName = "Single-page app",
        Type = ClientType.Public,
        AllowAuthorizationCodeFlow = true,
        AllowRefreshTokenFlow = true,
        RedirectUris = [RedirectUri],
    });

    private async Task<HttpClient> SignedInEditorAsync()
    {
        var userName = TestHost.Unique("editor");
        await host.CreateUserAsync(userName, "Editor");
        return await host.SignInAsync(userName);
    }
}
