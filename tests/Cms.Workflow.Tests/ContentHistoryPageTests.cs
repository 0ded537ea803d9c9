using System.Net;
using System.Text.Json.Nodes;
using Cms.Core.Content;
using Cms.Core.Storage;
using Cms.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Workflow.Tests;

/// <summary>The admin's history page: versions, a side-by-side word diff, restore as a new draft, audit entries for those who may read them.</summary>
public sealed class ContentHistoryPageTests
{
    [Fact]
    public async Task An_editor_compares_two_versions_word_by_word_and_restores_the_first_as_a_new_draft()
    {
        await using var host = await WorkflowHost.StartAsync();
        await DeskUsers.CreateAsync(host, "edna", "Editor");
        await DeskUsers.CreateAsync(host, "ayla", "Author");
        await DeskUsers.CreateAsync(host, "carl", "Contributor");
        var id = await DeskSeed.WriteAsync(host, "edna", "Harbour dredging", body: "<p>The harbour will be dredged in spring.</p>");
        var (first, second) = await DeskUsers.AsUserAsync(host, "edna", async sp =>
        {
            var content = sp.GetRequiredService<IContentManager>();
            var v1 = (await content.GetAsync(id, VersionOptions.Latest))!;
            var parts = (JsonObject)v1.Content.DeepClone();
            parts["HtmlBodyPart"] = new JsonObject { ["Html"] = "<p>The harbour will be dredged in autumn.</p>" };
            var v2 = await content.UpdateAsync(id, v1.ContentItemVersionId, parts);
            return (v1.ContentItemVersionId, v2.ContentItemVersionId);
        });

        using var editor = await AdminBrowser.SignInAsync(host, "edna");
        var (status, html) = await editor.GetAsync($"/admin/content/{id}/history");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Version 2", html, StringComparison.Ordinal);
        Assert.Contains("data-field=\"Body\"", html, StringComparison.Ordinal);
        Assert.Contains("<del><span class=\"visually-hidden\">[removed: </span>spring.<span", html, StringComparison.Ordinal);
        Assert.Contains("[added: </span>autumn.<span", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&lt;p&gt;", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"audit\"", html, StringComparison.Ordinal);
        Assert.Contains("Restore as new draft", html, StringComparison.Ordinal);

        // The same two versions chosen by hand, and a version that is not this item's.
        Assert.Contains("[added: </span>autumn.", (await editor.GetAsync($"/admin/content/{id}/history?from={first}&to={second}")).Html, StringComparison.Ordinal);
        var wrong = await editor.GetAsync($"/admin/content/{id}/history?from=not-a-version&to={second}");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Contains("not-a-version&#x27; is not a version of this item", wrong.Html, StringComparison.Ordinal);

        // A restore from a page opened before someone else's save changes nothing.
        var stale = await editor.PostFormAsync($"/admin/content/{id}/history", $"/admin/content/{id}/history?handler=Restore",
            [new("versionId", first), new("expected", first)]);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("changed by someone else", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, (await host.AsSystemAsync(sp => sp.GetRequiredService<IContentStore>().GetVersionsAsync(id))).Count);

        var restored = await editor.PostFormAsync($"/admin/content/{id}/history", $"/admin/content/{id}/history?handler=Restore",
            [new("versionId", first), new("expected", second)]);
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal($"/admin/content/{id}/edit", restored.Headers.Location!.ToString());
        var versions = await host.AsSystemAsync(sp => sp.GetRequiredService<IContentStore>().GetVersionsAsync(id));
        Assert.Equal(3, versions.Count);
        Assert.Equal("<p>The harbour will be dredged in spring.</p>", versions[^1].Content["HtmlBodyPart"]!["Html"]!.GetValue<string>());
        Assert.True(versions[^1].Latest);
        Assert.Equal(ContentStages.Draft, versions[^1].Stage);
        var (_, after) = await editor.GetAsync($"/admin/content/{id}/history");
        Assert.Contains("Restored version 1", after, StringComparison.Ordinal);

        // An author may read everyone's history but neither restore another's article nor read the audit trail.
        using var author = await AdminBrowser.SignInAsync(host, "ayla");
        var (authorStatus, authorHtml) = await author.GetAsync($"/admin/content/{id}/history");
        Assert.Equal(HttpStatusCode.OK, authorStatus);
        Assert.DoesNotContain("data-testid=\"audit\"", authorHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Restore as new draft", authorHtml, StringComparison.Ordinal);
        var forged = await author.PostFormAsync($"/admin/content/{id}/history", $"/admin/content/{id}/history?handler=Restore",
            [new("versionId", first), new("expected", versions[^1].ContentItemVersionId)]);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(3, (await host.AsSystemAsync(sp => sp.GetRequiredService<IContentStore>().GetVersionsAsync(id))).Count);

        // A contributor may not preview another's article: its history does not exist for them.
        using var contributor = await AdminBrowser.SignInAsync(host, "carl");
        Assert.Equal(HttpStatusCode.NotFound, (await contributor.GetAsync($"/admin/content/{id}/history")).Status);
    }
}
