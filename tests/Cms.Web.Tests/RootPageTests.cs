using System.Net;
using Cms.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Cms.Web.Tests;

/// <summary><c>/</c> says what the CMS is and where to go; an unknown admin address is never problem JSON.</summary>
public sealed class RootPageTests : IClassFixture<CmsWebApplicationFactory>
{
    private readonly CmsWebApplicationFactory _factory;

    public RootPageTests(CmsWebApplicationFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task The_root_is_a_small_page_with_the_site_name_and_links_to_admin_explorer_discovery_and_health()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Newsroom Daily</h1>", html, StringComparison.Ordinal);
        foreach (var link in new[] { "/admin", "/admin/graphql", "/api/graphql", "/.well-known/openid-configuration", "/health/ready" })
        {
            Assert.Contains($"<a href=\"{link}\">", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Every_link_on_the_root_page_leads_somewhere()
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var link in new[] { "/.well-known/openid-configuration", "/health/ready" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(link, UriKind.Relative))).StatusCode);
        }

        // The admin and the explorer send a visitor who is not signed in to the sign-in page.
        foreach (var link in new[] { "/admin", "/admin/graphql" })
        {
            var response = await client.GetAsync(new Uri(link, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/admin/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unknown_admin_address_sends_a_visitor_to_sign_in_instead_of_problem_json()
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri("/admin/no-such-page", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
