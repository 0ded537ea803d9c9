using System.Net;
using System.Text.RegularExpressions;
using Cms.Testing;

namespace Cms.Web.Tests;

/// <summary>
/// Every admin page, the GraphQL explorer and the /connect pages carry a CSP (no inline script, framing by the site
/// only), nosniff and a Referrer-Policy; cookies are Secure when a proxy says the request came over HTTPS.
/// </summary>
public sealed partial class SecurityHeadersTests : IClassFixture<CmsWebApplicationFactory>
{
    private readonly CmsWebApplicationFactory _site;

    public SecurityHeadersTests(CmsWebApplicationFactory site)
    {
        _site = site;
        site.Environment = "Production";
    }

    [Theory]
    [InlineData("/admin/login")]
    [InlineData("/admin/logout")]
    [InlineData("/admin/access-denied")]
    [InlineData("/admin")]
    [InlineData("/admin/users")]
    [InlineData("/admin/roles")]
    [InlineData("/admin/clients")]
    [InlineData("/admin/profile")]
    [InlineData("/admin/profile/password")]
    [InlineData("/admin/graphql")]
    public async Task Admin_pages_and_the_explorer_always_send_the_security_headers_and_no_inline_script(string path)
    {
        var session = await SignInAsync(forwardedProto: null);

        var response = await session.SendAsync(HttpMethod.Get, path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Forbidden, $"{path}: {response.StatusCode}");
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Matches("frame-ancestors '(self|none)'", csp);
        Assert.Matches("script-src 'self'(;|$)", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Empty(InlineScript().Matches(html));
        Assert.DoesNotMatch(" on[a-z]+=\"", html);
    }

    [Fact]
    public async Task Connect_pages_send_the_security_headers()
    {
        var session = new CookieSession(_site);

        var response = await session.SendAsync(HttpMethod.Get, "/connect/logout");

        Assert.Contains("frame-ancestors 'self'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Cookies_are_Secure_when_the_request_came_through_an_HTTPS_proxy()
    {
        await SignInAsync(forwardedProto: "https", check: cookies =>
            Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase)));
    }

    private async Task<CookieSession> SignInAsync(string? forwardedProto, Action<IReadOnlyList<string>>? check = null)
    {
        var session = new CookieSession(_site);
        if (forwardedProto is not null)
        {
            session.Headers["X-Forwarded-Proto"] = forwardedProto;
        }

        var login = await session.SubmitFormAsync("/admin/login", "/admin/login", new()
        {
            ["Input.UserName"] = CmsWebApplicationFactory.AdminUserName,
            ["Input.Password"] = CmsWebApplicationFactory.AdminPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.NotEqual("", session.AuthCookie);
        check?.Invoke(session.LastSetCookies);
        return session;
    }

    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
