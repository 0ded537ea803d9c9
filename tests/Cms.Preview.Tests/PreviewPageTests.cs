using System.Net;
using System.Text.Json.Nodes;
using Cms.Preview.Tests.Support;

namespace Cms.Preview.Tests;

/// <summary>The editor's preview of unsaved work: the article page in the preview theme, who may see it, what it sends.</summary>
public sealed class PreviewPageTests(PreviewHost host) : IClassFixture<PreviewHost>
{
    [Fact]
    public async Task An_unsaved_article_renders_every_region_of_the_article_page_with_a_sanitized_body()
    {
        var writer = await host.SignInAsync("writer-one");
        var response = await writer.PreviewAsync(Drafts.Article("Hourly power prices").ToJsonString());
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1 class=\"headline\">Hourly power prices</h1>", html);
        Assert.Matches("<nav class=\"breadcrumb\"[^>]*>\\s*<ol>\\s*<li>News</li><li>Energy</li>", html);
        Assert.Contains("<p class=\"lead\">Hourly prices arrive for the national grid.</p>", html);
        Assert.Contains("By Leyla Hasanli and ", html);
        Assert.Matches("<span class=\"reading-time\">\\d+ min read</span>", html);
        Assert.Matches("<time datetime=\"[^\"]+\">\\d{1,2} \\w+ \\d{4}</time>", html);
        Assert.Matches("<figure class=\"cover\">\\s*<img src=\"/media/covers/cover-03.jpg\\?[^\"]*profile=hero[^\"]*\" width=\"1600\" height=\"900\" alt=\"Pylons at dusk\">", html);
        Assert.Contains("Transmission lines north of the capital.", html);
        Assert.Contains("<h2>What changes</h2>", html);
        Assert.Contains("<a href=\"https://example.org/grid\">The operator&#x27;s note</a>", html.Replace("'", "&#x27;"));
        Assert.Contains("class=\"author-box\" aria-label=\"About Leyla Hasanli\"", html);
        Assert.Contains("Senior Advisor, Centre for Energy Policy", html);
        Assert.Matches("class=\"author-photo\" src=\"/media/authors/author-01.jpg\\?[^\"]*profile=rail", html);
        Assert.Contains("<h2 id=\"related-title\">You might also like</h2>", html);
        Assert.Contains("<h2 id=\"rail-title\">New articles</h2>", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert(", html);
    }

    [Fact]
    public async Task The_related_strip_is_what_graphql_returns_as_related()
    {
        var editor = await host.SignInAsync("desk-editor");
        var html = await (await editor.GetAsync("/admin/content/article-001/preview")).Content.ReadAsStringAsync();
        var graphql = await host.Anonymous().PostAsync("/api/graphql", new StringContent(
            new JsonObject { ["query"] = "{ article(where: { contentItemId: \"article-001\" }) { related { displayText } } }" }.ToJsonString(),
            System.Text.Encoding.UTF8, "application/json"));
        var related = JsonNode.Parse(await graphql.Content.ReadAsStringAsync())!["data"]!["article"]![0]!["related"]!.AsArray()
            .Select(r => r!["displayText"]!.GetValue<string>()).ToList();

        Assert.Equal(4, related.Count);
        var strip = html[html.IndexOf("You might also like", StringComparison.Ordinal)..html.IndexOf("rail-title", StringComparison.Ordinal)];
        var titles = System.Text.RegularExpressions.Regex.Matches(strip, "<p class=\"card-title\">([^<]+)</p>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(related, titles);
    }

    [Fact]
    public async Task A_preview_saves_nothing()
    {
        var writer = await host.SignInAsync("writer-one");
        var id = "preview-only-" + Guid.NewGuid().ToString("N")[..8];
        var response = await writer.PreviewAsync(Drafts.Article("Never saved", id).ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var (status, _) = await writer.ApiAsync(HttpMethod.Get, $"/api/content/{id}");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Preview_pages_are_not_indexed_not_stored_and_run_no_script()
    {
        var writer = await host.SignInAsync("writer-one");
        var response = await writer.PreviewAsync(Drafts.Article("Headers").ToJsonString());

        Assert.Equal("noindex, nofollow", response.Headers.GetValues("X-Robots-Tag").Single());
        Assert.True(response.Headers.CacheControl?.NoStore);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", csp);
        Assert.DoesNotContain("script-src", csp);
    }

    [Fact]
    public async Task Json_that_does_not_parse_is_a_400_that_says_so()
    {
        var writer = await host.SignInAsync("writer-one");
        var response = await writer.PreviewAsync("{ \"ContentType\": \"Article\", ");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid JSON", body);
    }

    [Fact]
    public async Task A_preview_without_the_antiforgery_token_is_refused()
    {
        var writer = await host.SignInAsync("writer-one");
        var response = await writer.PreviewAsync(Drafts.Article("Forged").ToJsonString(), withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("antiforgery", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Someone_not_signed_in_is_sent_to_the_sign_in_page()
    {
        using var anonymous = host.Anonymous();
        var response = await anonymous.PostAsync("/admin/preview", new FormUrlEncodedContent(new Dictionary<string, string> { ["item"] = "{}" }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/login", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task A_contributor_cannot_preview_someone_elses_article()
    {
        var owner = await host.SignInAsync("writer-one");
        var (created, json) = await owner.ApiAsync(HttpMethod.Post, "/api/content", Drafts.Article("Owned by writer one"));
        Assert.Equal(HttpStatusCode.Created, created);
        var id = json!["ContentItemId"]!.GetValue<string>();

        var other = await host.SignInAsync("writer-two");
        var posted = await other.PreviewAsync(Drafts.Article("Taken over", id).ToJsonString());
        var latest = await other.GetAsync($"/admin/content/{id}/preview");
        var own = await owner.GetAsync($"/admin/content/{id}/preview");

        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.DoesNotContain("Owned by writer one", await posted.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, latest.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("Owned by writer one", await own.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_type_without_a_template_of_its_own_gets_the_generic_page()
    {
        var editor = await host.SignInAsync("desk-editor");
        var response = await editor.GetAsync("/admin/content/author-01/preview");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1 class=\"headline\">Leyla Hasanli</h1>", html);
        Assert.Contains("<dt>Role line</dt>", html);
        Assert.Contains("Senior Advisor, Centre for Energy Policy", html);
    }
}
