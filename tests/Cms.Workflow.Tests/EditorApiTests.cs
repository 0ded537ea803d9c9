using System.Text.Json.Nodes;
using Cms.Core.Content;
using Cms.Data;
using Cms.Testing;
using Cms.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Workflow.Tests;

/// <summary>What the admin's editor asks beside the content API: private autosaves, the path check, picker search, tags, reviewers.</summary>
public sealed class EditorApiTests
{
    [SkippableTheory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task An_autosave_is_seen_only_by_its_writer_and_a_save_of_the_item_clears_it(string provider)
    {
        await using var database = provider == "Postgres" ? await PostgresTestDatabase.CreateAsync() : null;
        await using var host = await WorkflowHost.StartAsync(database?.ConnectionString);
        var created = await host.PostAsync("desk-contributor", "/api/content", Articles.New("Grid upgrade", "<p>First words.</p>"));
        var id = created.Json["ContentItemId"]!.GetValue<string>();
        var typed = Articles.Edit(created.Json, body: "<p>First words, and more that were never saved.</p>");

        var put = await host.SendAsync("desk-contributor", HttpMethod.Put, $"/api/content/{id}/autosave", new { data = typed, baseVersionId = created.ETag });
        Assert.Equal(200, put.Status);
        var mine = await host.GetAsync("desk-contributor", $"/api/content/{id}/autosave");
        Assert.Equal(200, mine.Status);
        Assert.Equal("<p>First words, and more that were never saved.</p>", mine.Json["data"]!["HtmlBodyPart"]!["Html"]!.GetValue<string>());
        Assert.Equal(created.ETag, mine.Json["baseVersionId"]!.GetValue<string>());

        // Not a version: the item is as it was saved, and nobody else sees the autosave, not even an editor of the item.
        Assert.Equal("<p>First words.</p>", (await host.GetAsync("desk-editor", $"/api/content/{id}")).Json["HtmlBodyPart"]!["Html"]!.GetValue<string>());
        Assert.Equal(204, (await host.GetAsync("desk-editor", $"/api/content/{id}/autosave")).Status);
        Assert.Equal(200, (await host.SendAsync("desk-editor", HttpMethod.Put, $"/api/content/{id}/autosave", new { data = Articles.Edit(created.Json, body: "<p>The editor's own.</p>") })).Status);
        Assert.Contains("never saved", (await host.GetAsync("desk-contributor", $"/api/content/{id}/autosave")).Body, StringComparison.Ordinal);
        // Someone who may not see the item cannot keep an autosave of it (answered as for a missing item).
        Assert.Equal(404, (await host.SendAsync("desk-contributor-2", HttpMethod.Put, $"/api/content/{id}/autosave", new { data = typed })).Status);
        Assert.Equal(204, (await host.GetAsync("desk-contributor-2", $"/api/content/{id}/autosave")).Status);
        Assert.Equal(2, await AutosaveRowsAsync(host, id));

        // The writer saves: their autosave goes in the same transaction; the editor's stays.
        var saved = await host.PostAsync("desk-contributor", "/api/content", typed, created.ETag);
        Assert.Equal(200, saved.Status);
        Assert.Equal(204, (await host.GetAsync("desk-contributor", $"/api/content/{id}/autosave")).Status);
        Assert.Equal(200, (await host.GetAsync("desk-editor", $"/api/content/{id}/autosave")).Status);
        Assert.Equal(1, await AutosaveRowsAsync(host, id));

        // A new item's autosave is kept per type, and creating the item clears it.
        var draft = Articles.New("Ferry timetable", "<p>Half written.</p>");
        Assert.Equal(200, (await host.SendAsync("desk-contributor", HttpMethod.Put, "/api/content/new/Article/autosave", new { data = draft })).Status);
        Assert.Equal("Ferry timetable", (await host.GetAsync("desk-contributor", "/api/content/new/Article/autosave")).Json["data"]!["TitlePart"]!["Title"]!.GetValue<string>());
        Assert.Equal(204, (await host.GetAsync("desk-contributor-2", "/api/content/new/Article/autosave")).Status);
        Assert.Equal(201, (await host.PostAsync("desk-contributor", "/api/content", draft)).Status);
        Assert.Equal(204, (await host.GetAsync("desk-contributor", "/api/content/new/Article/autosave")).Status);

        // Discard.
        Assert.Equal(204, (await host.SendAsync("desk-editor", HttpMethod.Delete, $"/api/content/{id}/autosave")).Status);
        Assert.Equal(0, await AutosaveRowsAsync(host, id));
    }

    [Fact]
    public async Task Bad_autosaves_get_a_clear_error_and_store_nothing()
    {
        await using var host = await WorkflowHost.StartAsync();
        var created = await host.PostAsync("desk-editor", "/api/content", Articles.New("Bridge repairs", "<p>Closed.</p>"));
        var id = created.Json["ContentItemId"]!.GetValue<string>();

        var missing = await host.SendAsync("desk-editor", HttpMethod.Put, $"/api/content/{id}/autosave", new { baseVersionId = created.ETag });
        Assert.Equal(400, missing.Status);
        Assert.Contains("$.data", missing.Body, StringComparison.Ordinal);
        var otherType = await host.SendAsync("desk-editor", HttpMethod.Put, $"/api/content/{id}/autosave", new { data = new { ContentType = "Author" } });
        Assert.Equal(400, otherType.Status);
        Assert.Contains("not a Author", otherType.Body, StringComparison.Ordinal);
        var unknownType = await host.SendAsync("desk-editor", HttpMethod.Put, "/api/content/new/Spaceship/autosave", new { data = new { } });
        Assert.Equal(400, unknownType.Status);
        Assert.Contains("unknown content type 'Spaceship'", unknownType.Body, StringComparison.Ordinal);
        var tooBig = await host.SendAsync("desk-editor", HttpMethod.Put, $"/api/content/{id}/autosave", new { data = new { HtmlBodyPart = new { Html = new string('x', Editor.EditorAutosaves.MaxBytes) } } });
        Assert.Equal(400, tooBig.Status);
        // A contributor may not create sections, so may not keep a new one either.
        Assert.Equal(403, (await host.SendAsync("desk-contributor", HttpMethod.Put, "/api/content/new/Section/autosave", new { data = new { } })).Status);
        Assert.Equal(401, (await host.SendAsync(null, HttpMethod.Put, $"/api/content/{id}/autosave", new { data = new { } })).Status);
        Assert.Equal(0, await host.AsSystemAsync(sp => sp.GetRequiredService<CmsDbContext>().ContentAutosaves.CountAsync()));
    }

    [SkippableTheory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task The_path_check_answers_by_the_rule_a_save_applies(string provider)
    {
        await using var database = provider == "Postgres" ? await PostgresTestDatabase.CreateAsync() : null;
        await using var host = await WorkflowHost.StartAsync(database?.ConnectionString);
        var first = await host.PostAsync("desk-contributor", "/api/content", Articles.New("Grid upgrade", "<p>One.</p>"));
        var firstId = first.Json["ContentItemId"]!.GetValue<string>();
        Assert.Equal("articles/grid-upgrade", first.Json["AutoroutePart"]!["Path"]!.GetValue<string>());

        // From a title: what a save would generate, numbered because the plain slug is taken.
        var generated = await host.GetAsync("desk-contributor", "/api/content/paths/check?type=Article&title=Grid%20upgrade");
        Assert.Equal(200, generated.Status);
        Assert.Equal("articles/grid-upgrade-2", generated.Json["path"]!.GetValue<string>());
        Assert.True(generated.Json["available"]!.GetValue<bool>());
        // The item's own path is free for itself only.
        var own = await host.GetAsync("desk-contributor", $"/api/content/paths/check?type=Article&id={firstId}&path=articles/grid-upgrade");
        Assert.True(own.Json["available"]!.GetValue<bool>());
        var taken = await host.GetAsync("desk-contributor-2", "/api/content/paths/check?type=Article&path=%2FArticles%2FGrid-Upgrade%2F");
        Assert.False(taken.Json["available"]!.GetValue<bool>());
        Assert.Equal("articles/grid-upgrade", taken.Json["path"]!.GetValue<string>());
        var message = taken.Json["message"]!.GetValue<string>();
        Assert.Contains("already used", message, StringComparison.Ordinal);
        var malformed = await host.GetAsync("desk-contributor", "/api/content/paths/check?type=Article&path=grid%20upgrade%21");
        Assert.False(malformed.Json["available"]!.GetValue<bool>());
        Assert.Equal(BuiltInParts.PathFormatMessage, malformed.Json["message"]!.GetValue<string>());

        // The save says the same as the check.
        var second = Articles.New("Another grid story", "<p>Two.</p>");
        second["AutoroutePart"] = new JsonObject { ["Path"] = "articles/grid-upgrade" };
        var refused = await host.PostAsync("desk-contributor-2", "/api/content", second);
        Assert.Equal(400, refused.Status);
        Assert.Equal(message, refused.Json["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Equal("$.AutoroutePart.Path", refused.Json["errors"]![0]!["path"]!.GetValue<string>());

        Assert.Equal(400, (await host.GetAsync("desk-contributor", "/api/content/paths/check?type=Spaceship&path=x")).Status);
        Assert.Equal(403, (await host.GetAsync("desk-contributor", "/api/content/paths/check?type=Section&path=sections/x")).Status);
        Assert.Equal(401, (await host.GetAsync(null, "/api/content/paths/check?type=Article&path=x")).Status);
    }

    [Fact]
    public async Task Pickers_find_what_the_caller_may_reference_tags_come_from_published_items_and_reviewers_from_the_review_permission()
    {
        await using var host = await WorkflowHost.StartAsync();
        var published = Articles.New("Water prices rise", "<p>By a tenth.</p>");
        published["Article"]!["Tags"] = new JsonObject { ["Tags"] = new JsonArray("water", "prices") };
        published.Remove("ContentItemId");
        published.Remove("ContentType");
        await host.AsSystemAsync(sp => sp.GetRequiredService<IContentManager>().CreateAsync(new ContentItem { ContentType = "Article", Content = published }, publish: true));
        var draft = Articles.New("Waterways draft", "<p>Unpublished.</p>");
        draft["Article"]!["Tags"] = new JsonObject { ["Tags"] = new JsonArray("waterways-secret") };
        var draftItem = await host.PostAsync("desk-editor", "/api/content", draft);

        // Only what the caller may read: a client acting as Contributor may read no sections at all (signed-in users also
        // hold the Authenticated role's View_Section: the browser tests pick published sections as a contributor).
        Assert.Equal(403, (await host.GetAsync("desk-contributor", "/api/content/picker/search?type=Section&q=econ")).Status);
        var sections = await host.GetAsync("desk-editor", "/api/content/picker/search?type=Section&q=econ");
        Assert.Equal(200, sections.Status);
        Assert.Contains(sections.Json.AsArray(), s => s!["contentItemId"]!.GetValue<string>() == "section-economy" && s["published"]!.GetValue<bool>());
        Assert.All(sections.Json.AsArray(), s => Assert.Contains("econ", s!["displayText"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase));
        var articles = await host.GetAsync("desk-editor", "/api/content/picker/search?type=Article&q=water");
        Assert.Equal(2, articles.Json.AsArray().Count);
        var forContributor = await host.GetAsync("desk-contributor", "/api/content/picker/search?type=Article&q=water");
        Assert.Empty(forContributor.Json.AsArray());
        Assert.Equal(400, (await host.GetAsync("desk-editor", "/api/content/picker/search?type=Spaceship")).Status);

        var tags = await host.GetAsync("desk-contributor", "/api/content/tags/suggest?type=Article&part=Article&field=Tags&q=wa");
        Assert.Equal(200, tags.Status);
        var water = Assert.Single(tags.Json.AsArray())!;
        Assert.Equal("water", water["tag"]!.GetValue<string>());
        Assert.Equal(1, water["count"]!.GetValue<int>());
        var notTags = await host.GetAsync("desk-editor", "/api/content/tags/suggest?type=Article&part=Article&field=Lead");
        Assert.Equal(400, notTags.Status);
        Assert.Contains("not a tags field", notTags.Body, StringComparison.Ordinal);

        // Reviewers are the users holding Review_Article (the administrator here); a contributor may assign nobody.
        var id = draftItem.Json["ContentItemId"]!.GetValue<string>();
        var reviewers = await host.GetAsync("desk-editor", $"/api/content/{id}/reviewers");
        Assert.Contains(reviewers.Json.AsArray(), r => r!["userName"]!.GetValue<string>() == CmsWebApplicationFactory.AdminUserName);
        var mineToReview = await host.PostAsync("desk-contributor", "/api/content", Articles.New("Mine", "<p>x</p>"));
        Assert.Empty((await host.GetAsync("desk-contributor", $"/api/content/{mineToReview.Json["ContentItemId"]!.GetValue<string>()}/reviewers")).Json.AsArray());

        // The state names the transitions that need a comment.
        var submitted = await host.PostAsync("desk-editor", $"/api/content/{id}/transitions/submit", ifMatch: draftItem.ETag);
        Assert.Equal(200, submitted.Status);
        var state = (await host.GetAsync("desk-editor", $"/api/content/{id}")).Json["Workflow"]!;
        Assert.Contains(state["CommentRequired"]!.AsArray(), t => t!.GetValue<string>() == "request-changes");
        Assert.DoesNotContain(state["CommentRequired"]!.AsArray(), t => t!.GetValue<string>() == "approve");
    }

    private static Task<int> AutosaveRowsAsync(WorkflowHost host, string itemKey) =>
        host.AsSystemAsync(sp => sp.GetRequiredService<CmsDbContext>().ContentAutosaves.CountAsync(a => a.ItemKey == itemKey));
}
