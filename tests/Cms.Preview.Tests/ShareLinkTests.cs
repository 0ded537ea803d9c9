using System.Net;
using System.Text.Json.Nodes;
using Cms.Data;
using Cms.Preview.Links;
using Cms.Preview.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Preview.Tests;

/// <summary>Share-preview links: made by who may preview, opened by anyone with the link, for that item only, until expiry or revocation.</summary>
public sealed class ShareLinkTests(PreviewHost host) : IClassFixture<PreviewHost>
{
    [Fact]
    public async Task A_link_shows_the_latest_draft_to_someone_without_an_account_and_only_that_item()
    {
        var (writer, id) = await DraftAsync("Share me");
        var (status, created) = await writer.ApiAsync(HttpMethod.Post, $"/api/content/{id}/preview-links");
        Assert.Equal(HttpStatusCode.Created, status);
        var url = new Uri(created!["url"]!.GetValue<string>());

        using var stranger = host.Anonymous();
        var page = await stranger.GetAsync(url.PathAndQuery);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<h1 class=\"headline\">Share me</h1>", html);
        Assert.Equal("noindex, nofollow", page.Headers.GetValues("X-Robots-Tag").Single());
        Assert.True(page.Headers.CacheControl?.NoStore);
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.DoesNotContain("script-src", page.Headers.GetValues("Content-Security-Policy").Single());

        // A later save shows at once: the link follows the latest version.
        var (_, item) = await writer.ApiAsync(HttpMethod.Get, $"/api/content/{id}");
        var edited = item!.DeepClone().AsObject();
        edited.Remove("Workflow");
        edited["TitlePart"] = new JsonObject { ["Title"] = "Share me, revised" };
        var save = await SaveAsync(writer, edited, item["ContentItemVersionId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, save);
        Assert.Contains("Share me, revised", await stranger.GetStringAsync(url.PathAndQuery));

        // That item only: the token opens nothing else, and no other address takes it.
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(url.PathAndQuery + "x")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await stranger.GetAsync($"/api/content/{id}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await stranger.GetAsync($"/admin/content/{id}/preview")).StatusCode);
    }

    [Fact]
    public async Task The_token_is_stored_only_as_a_hash_and_the_list_never_shows_it()
    {
        var (writer, id) = await DraftAsync("Hash only");
        var (_, created) = await writer.ApiAsync(HttpMethod.Post, $"/api/content/{id}/preview-links");
        var token = created!["url"]!.GetValue<string>().Split('/')[^1];

        await using var scope = host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var row = await db.PreviewLinks.AsNoTracking().SingleAsync(l => l.ContentItemId == id);
        Assert.Equal(PreviewLinkService.Hash(token), row.TokenHash);
        Assert.DoesNotContain(token, System.Text.Json.JsonSerializer.Serialize(row));
        Assert.True(token.Length >= 43, "The token carries 256 random bits.");

        var (listed, list) = await writer.ApiAsync(HttpMethod.Get, $"/api/content/{id}/preview-links");
        Assert.Equal(HttpStatusCode.OK, listed);
        Assert.Single(list!.AsArray());
        Assert.DoesNotContain(token, list.ToJsonString());
        Assert.True(list[0]!["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_link_stops_working_after_its_lifetime()
    {
        var (writer, id) = await DraftAsync("Expiring");
        var (_, created) = await writer.ApiAsync(HttpMethod.Post, $"/api/content/{id}/preview-links");
        var path = new Uri(created!["url"]!.GetValue<string>()).PathAndQuery;
        using var stranger = host.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync(path)).StatusCode);

        host.Clock.Advance(TimeSpan.FromHours(47));
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync(path)).StatusCode);
        host.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        var expired = await stranger.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Equal("noindex, nofollow", expired.Headers.GetValues("X-Robots-Tag").Single());
        Assert.DoesNotContain("Expiring", await expired.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_revoked_link_is_a_404_and_both_changes_are_audited()
    {
        var (writer, id) = await DraftAsync("Revoked");
        var (_, created) = await writer.ApiAsync(HttpMethod.Post, $"/api/content/{id}/preview-links");
        var path = new Uri(created!["url"]!.GetValue<string>()).PathAndQuery;
        var linkId = created["link"]!["id"]!.GetValue<string>();

        var (revoked, view) = await writer.ApiAsync(HttpMethod.Delete, $"/api/content/{id}/preview-links/{linkId}");
        using var stranger = host.Anonymous();

        Assert.Equal(HttpStatusCode.OK, revoked);
        Assert.False(view!["active"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(path)).StatusCode);
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var kinds = await scope.ServiceProvider.GetRequiredService<CmsDbContext>().AuditEvents.AsNoTracking()
            .Where(a => a.TargetId == id && a.Kind.StartsWith("preview-link.")).Select(a => a.Kind).ToListAsync();
        Assert.Equal([PreviewLinkService.CreatedKind, PreviewLinkService.RevokedKind], kinds);
    }

    [Fact]
    public async Task A_deleted_item_closes_its_links()
    {
        var (writer, id) = await DraftAsync("Deleted later");
        var (_, created) = await writer.ApiAsync(HttpMethod.Post, $"/api/content/{id}/preview-links");
        var path = new Uri(created!["url"]!.GetValue<string>()).PathAndQuery;
        var editor = await host.SignInAsync("desk-editor");
        var (_, item) = await editor.ApiAsync(HttpMethod.Get, $"/api/content/{id}");

        var deleted = await DeleteAsync(editor, id, item!["ContentItemVersionId"]!.GetValue<string>());
        using var stranger = host.Anonymous();

        Assert.Equal(HttpStatusCode.NoContent, deleted);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Only_who_may_preview_the_item_makes_or_sees_its_links()
    {
        var (_, id) = await DraftAsync("Not yours");
        var other = await host.SignInAsync("writer-two");

        var (create, _) = await other.ApiAsync(HttpMethod.Post, $"/api/content/{id}/preview-links");
        var (list, _) = await other.ApiAsync(HttpMethod.Get, $"/api/content/{id}/preview-links");
        using var anonymous = host.Anonymous();
        var unauthenticated = await anonymous.PostAsync($"/api/content/{id}/preview-links", null);

        Assert.Equal(HttpStatusCode.NotFound, create);
        Assert.Equal(HttpStatusCode.NotFound, list);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
    }

    private async Task<(PreviewHost.Session Writer, string Id)> DraftAsync(string title)
    {
        var writer = await host.SignInAsync("writer-one");
        var (status, json) = await writer.ApiAsync(HttpMethod.Post, "/api/content", Drafts.Article(title));
        Assert.Equal(HttpStatusCode.Created, status);
        return (writer, json!["ContentItemId"]!.GetValue<string>());
    }

    private static async Task<HttpStatusCode> SaveAsync(PreviewHost.Session session, JsonObject item, string version) =>
        (await session.SendWithIfMatchAsync(HttpMethod.Post, "/api/content", item, version)).StatusCode;

    private static async Task<HttpStatusCode> DeleteAsync(PreviewHost.Session session, string id, string version) =>
        (await session.SendWithIfMatchAsync(HttpMethod.Delete, $"/api/content/{id}", null, version)).StatusCode;
}
