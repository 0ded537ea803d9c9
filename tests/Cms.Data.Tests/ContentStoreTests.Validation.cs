using System.Text.Json.Nodes;
using Cms.Core.Content;
using Cms.Data.Tests.Support;

namespace Cms.Data.Tests;

public abstract partial class ContentStoreTests
{
    [SkippableFact]
    public async Task A_create_that_fails_validation_writes_nothing()
    {
        await CreateAsync(ArticleBuilder.Titled("Existing"), publish: true);
        var before = await CountRowsAsync();

        var error = await Assert.ThrowsAsync<ContentValidationException>(() => CreateAsync(ArticleBuilder.Titled("No section").WithoutSection().Ranked(2).Tagged("x"), publish: true));

        var problem = Assert.Single(error.Errors);
        Assert.Equal("$.Article.Section.ContentItemIds", problem.Path);
        Assert.Equal("'Section' is required.", problem.Message);
        Assert.Equal(before, await CountRowsAsync());
    }

    [SkippableFact]
    public async Task An_update_that_fails_validation_writes_nothing()
    {
        var live = await CreateAsync(ArticleBuilder.Titled("Grid upgrade").Ranked(1), publish: true);
        var before = await CountRowsAsync();

        var error = await Assert.ThrowsAsync<ContentValidationException>(() => UpdateAsync(live, ArticleBuilder.Titled("Grid upgrade").Field("Rank", new JsonObject { ["Value"] = "high" })));

        Assert.Equal("$.Article.Rank.Value", Assert.Single(error.Errors).Path);
        Assert.Equal(before, await CountRowsAsync());
        var latest = await GetAsync(live.ContentItemId, VersionOptions.Latest);
        Assert.Equal(live.ContentItemVersionId, latest!.ContentItemVersionId);
        Assert.True(latest.Published);
    }

    [SkippableFact]
    public async Task An_unknown_content_type_is_refused()
    {
        var before = await CountRowsAsync();

        var error = await Assert.ThrowsAsync<ContentValidationException>(() => ContentAsync(m => m.CreateAsync(new ContentItem { ContentType = "Podcast" }, publish: false)));

        Assert.Equal("$.ContentType", Assert.Single(error.Errors).Path);
        Assert.Equal(before, await CountRowsAsync());
    }

    [SkippableFact]
    public async Task Scripts_in_the_body_never_reach_the_stored_row()
    {
        var created = await CreateAsync(ArticleBuilder.Titled("Grid upgrade").WithBody("<p>Text</p><script>alert(1)</script><img src=\"x.jpg\" onerror=\"alert(2)\"><a href=\"javascript:alert(3)\">x</a>"));

        var stored = (await StoredVersionAsync(created.ContentItemVersionId)).Data;
        var html = JsonNode.Parse(stored)!["HtmlBodyPart"]!["Html"]!.GetValue<string>();

        Assert.StartsWith("<p>Text</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert", stored, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Changes_the_caller_may_not_make_are_refused_and_write_nothing()
    {
        var live = await CreateAsync(ArticleBuilder.Titled("Grid upgrade"), publish: true);
        var draft = await UpdateAsync(live, ArticleBuilder.Titled("Revised"));
        var before = await CountRowsAsync();

        await Assert.ThrowsAsync<ContentAccessDeniedException>(() => ContentAsync(
            m => m.UpdateAsync(live.ContentItemId, draft.ContentItemVersionId, ArticleBuilder.Titled("Again").Parts()),
            c => c.Denied.Add(ContentAction.Edit)));
        await Assert.ThrowsAsync<ContentAccessDeniedException>(() => ContentAsync(m => m.PublishAsync(live.ContentItemId), c => c.Denied.Add(ContentAction.Publish)));
        await Assert.ThrowsAsync<ContentAccessDeniedException>(() => ContentAsync(m => m.UnpublishAsync(live.ContentItemId), c => c.Denied.Add(ContentAction.Publish)));
        await Assert.ThrowsAsync<ContentAccessDeniedException>(() => ContentAsync(m => m.DeleteAsync(live.ContentItemId), c => c.Denied.Add(ContentAction.Delete)));

        Assert.Equal(before, await CountRowsAsync());
        Assert.Equal("Grid upgrade", (await GetAsync(live.ContentItemId, VersionOptions.Published))!.DisplayText);
        Assert.Equal("Revised", (await GetAsync(live.ContentItemId, VersionOptions.Latest))!.DisplayText);
    }

    [SkippableFact]
    public async Task Creating_and_publishing_at_once_needs_the_publish_permission()
    {
        var before = await CountRowsAsync();

        await Assert.ThrowsAsync<ContentAccessDeniedException>(() => CreateAsync(ArticleBuilder.Titled("Scoop"), publish: true, caller: c => c.Denied.Add(ContentAction.Publish)));

        Assert.Equal(before, await CountRowsAsync());
        var draft = await CreateAsync(ArticleBuilder.Titled("Scoop"), publish: false, caller: c => c.Denied.Add(ContentAction.Publish));
        Assert.False(draft.Published);
    }
}
