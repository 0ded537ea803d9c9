using Cms.Core.Content;
using Cms.Core.Events;
using Cms.Core.Queries;
using Cms.Core.Storage;
using Cms.Data.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Data.Tests;

public abstract partial class ContentStoreTests
{
    [SkippableFact]
    public async Task Create_makes_a_draft_that_is_latest_and_not_published()
    {
        var created = await CreateAsync(ArticleBuilder.Titled("Grid upgrade"));
        var createdAt = Clock.GetUtcNow().UtcDateTime;

        var latest = await GetAsync(created.ContentItemId, VersionOptions.Latest);
        Assert.NotNull(latest);
        Assert.Equal(created.ContentItemVersionId, latest.ContentItemVersionId);
        Assert.True(latest.Latest);
        Assert.False(latest.Published);
        Assert.Null(latest.PublishedUtc);
        Assert.Equal("Grid upgrade", latest.DisplayText);
        Assert.Equal("user-1", latest.Owner);
        Assert.Equal("editor", latest.Author);
        Assert.Equal(createdAt, latest.CreatedUtc);
        Assert.Equal(createdAt, latest.ModifiedUtc);
        Assert.Null(await GetAsync(created.ContentItemId, VersionOptions.Published));
    }

    [SkippableFact]
    public async Task Create_with_publish_makes_one_version_that_is_latest_and_published()
    {
        var created = await CreateAsync(ArticleBuilder.Titled("Grid upgrade"), publish: true);

        var published = await GetAsync(created.ContentItemId, VersionOptions.Published);
        Assert.NotNull(published);
        Assert.True(published.Latest);
        Assert.True(published.Published);
        Assert.Equal(created.CreatedUtc, published.PublishedUtc);
        Assert.Single(await VersionsAsync(created.ContentItemId));
    }

    [SkippableFact]
    public async Task Publish_keeps_live_version_when_draft_is_saved()
    {
        var live = await CreateAsync(ArticleBuilder.Titled("Grid upgrade").Ranked(1), publish: true);

        var draft = await UpdateAsync(live, ArticleBuilder.Titled("Grid upgrade, revised").Ranked(2));

        Assert.NotEqual(live.ContentItemVersionId, draft.ContentItemVersionId);
        var published = await GetAsync(live.ContentItemId, VersionOptions.Published);
        Assert.Equal(live.ContentItemVersionId, published!.ContentItemVersionId);
        Assert.Equal("Grid upgrade", published.DisplayText);
        Assert.Equal(1, published.Part("Article")!["Rank"]!["Value"]!.GetValue<double>());
        Assert.False(published.Latest);
        var latest = await GetAsync(live.ContentItemId, VersionOptions.Latest);
        Assert.Equal(draft.ContentItemVersionId, latest!.ContentItemVersionId);
        Assert.Equal("Grid upgrade, revised", latest.DisplayText);
        Assert.False(latest.Published);
        Assert.Equal(2, (await VersionsAsync(live.ContentItemId)).Count);
    }

    [SkippableFact]
    public async Task Publishing_the_draft_replaces_the_live_version()
    {
        var live = await CreateAsync(ArticleBuilder.Titled("Grid upgrade"), publish: true);
        var draft = await UpdateAsync(live, ArticleBuilder.Titled("Grid upgrade, revised"));

        var published = await ContentAsync(m => m.PublishAsync(live.ContentItemId, draft.ContentItemVersionId));
        var publishedAt = Clock.GetUtcNow().UtcDateTime;

        Assert.Equal(draft.ContentItemVersionId, published.ContentItemVersionId);
        var versions = await VersionsAsync(live.ContentItemId);
        Assert.Equal([live.ContentItemVersionId, draft.ContentItemVersionId], versions.Select(v => v.ContentItemVersionId));
        Assert.Equal([false, true], versions.Select(v => v.Published));
        Assert.Equal([false, true], versions.Select(v => v.Latest));
        Assert.Equal("Grid upgrade, revised", (await GetAsync(live.ContentItemId, VersionOptions.Published))!.DisplayText);
        Assert.Equal(publishedAt, versions[1].PublishedUtc);
    }

    [SkippableFact]
    public async Task Each_save_of_a_versioned_draft_makes_a_new_version()
    {
        var first = await CreateAsync(ArticleBuilder.Titled("One"));
        var second = await UpdateAsync(first, ArticleBuilder.Titled("Two"));
        var third = await UpdateAsync(second, ArticleBuilder.Titled("Three"));

        var versions = await VersionsAsync(first.ContentItemId);
        Assert.Equal(["One", "Two", "Three"], versions.Select(v => v.DisplayText));
        Assert.Equal([false, false, true], versions.Select(v => v.Latest));
        Assert.Equal(third.ContentItemVersionId, versions[2].ContentItemVersionId);
        Assert.All(versions, v => Assert.Equal(first.CreatedUtc, v.CreatedUtc));
    }

    [SkippableFact]
    public async Task A_type_that_is_not_versionable_is_saved_in_place_and_published_at_once()
    {
        var note = await ContentAsync(m => m.CreateAsync(TestSchema.Note("Reminder", "Call the desk", 1), publish: false));
        Assert.True(note.Published);

        var updated = await ContentAsync(m => m.UpdateAsync(note.ContentItemId, note.ContentItemVersionId, TestSchema.Note("Reminder", "Call the desk at 9", 2).Content));

        Assert.Equal(note.ContentItemVersionId, updated.ContentItemVersionId);
        var versions = await VersionsAsync(note.ContentItemId);
        var only = Assert.Single(versions);
        Assert.True(only.Published);
        Assert.Equal("Call the desk at 9", only.Part("Note")!["Body"]!["Text"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Unpublish_takes_the_item_offline_and_keeps_the_latest_version()
    {
        var live = await CreateAsync(ArticleBuilder.Titled("Grid upgrade"), publish: true);

        await ContentAsync(m => m.UnpublishAsync(live.ContentItemId));

        Assert.Null(await GetAsync(live.ContentItemId, VersionOptions.Published));
        var latest = await GetAsync(live.ContentItemId, VersionOptions.Latest);
        Assert.Equal(live.ContentItemVersionId, latest!.ContentItemVersionId);
        Assert.False(latest.Published);
        Assert.Empty((await QueryAsync(new ContentQuery { ContentType = "Article" })).Items);
        Assert.Single((await QueryAsync(new ContentQuery { ContentType = "Article", Status = ContentStatus.Draft })).Items);
    }

    [SkippableFact]
    public async Task Unpublishing_an_item_that_is_not_published_is_refused_as_a_transition()
    {
        var draft = await CreateAsync(ArticleBuilder.Titled("Grid upgrade"));

        var refused = await Assert.ThrowsAsync<ContentTransitionException>(() => ContentAsync(m => m.UnpublishAsync(draft.ContentItemId)));
        Assert.Contains("not published", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ContentNotFoundException>(() => ContentAsync(m => m.UnpublishAsync("no-such-item")));
    }

    [SkippableFact]
    public async Task Discarding_a_draft_makes_the_published_version_latest_again_and_keeps_the_draft_in_history()
    {
        var live = await CreateAsync(ArticleBuilder.Titled("Grid upgrade"), publish: true);
        var draft = await UpdateAsync(live, ArticleBuilder.Titled("Grid upgrade, revised"));

        var restored = await ContentAsync(m => m.DiscardDraftAsync(live.ContentItemId, draft.ContentItemVersionId));

        Assert.Equal(live.ContentItemVersionId, restored.ContentItemVersionId);
        var latest = await GetAsync(live.ContentItemId, VersionOptions.Latest);
        Assert.Equal(live.ContentItemVersionId, latest!.ContentItemVersionId);
        Assert.True(latest.Published);
        var versions = await VersionsAsync(live.ContentItemId);
        Assert.Equal(2, versions.Count);
        var kept = Assert.Single(versions, v => v.ContentItemVersionId == draft.ContentItemVersionId);
        Assert.False(kept.Latest);
        Assert.False(kept.Published);
        Assert.Equal("Grid upgrade, revised", kept.DisplayText);
        Assert.Empty((await QueryAsync(new ContentQuery { ContentType = "Article", Status = ContentStatus.Draft })).Items);
    }

    [SkippableFact]
    public async Task A_draft_that_was_never_published_cannot_be_discarded()
    {
        var draft = await CreateAsync(ArticleBuilder.Titled("Grid upgrade"));

        var error = await Assert.ThrowsAsync<ContentValidationException>(() => ContentAsync(m => m.DiscardDraftAsync(draft.ContentItemId)));

        Assert.Contains("never been published", error.Message, StringComparison.Ordinal);
        Assert.Equal(draft.ContentItemVersionId, (await GetAsync(draft.ContentItemId, VersionOptions.Latest))!.ContentItemVersionId);
    }

    [SkippableFact]
    public async Task Delete_removes_the_item_from_every_listing_and_keeps_its_versions()
    {
        var live = await CreateAsync(ArticleBuilder.Titled("Grid upgrade"), publish: true);
        await UpdateAsync(live, ArticleBuilder.Titled("Grid upgrade, revised"));

        await ContentAsync(m => m.DeleteAsync(live.ContentItemId));

        Assert.Null(await GetAsync(live.ContentItemId, VersionOptions.Latest));
        Assert.Null(await GetAsync(live.ContentItemId, VersionOptions.Published));
        var versions = await VersionsAsync(live.ContentItemId);
        Assert.Equal(2, versions.Count);
        Assert.All(versions, v => Assert.False(v.Latest || v.Published));
        foreach (var status in new[] { ContentStatus.Published, ContentStatus.Draft, ContentStatus.Latest })
        {
            Assert.Empty((await QueryAsync(new ContentQuery { ContentType = "Article", Status = status })).Items);
        }

        Assert.Equal(2, (await QueryAsync(new ContentQuery { ContentType = "Article", Status = ContentStatus.All })).Items.Count);
        await Assert.ThrowsAsync<ContentNotFoundException>(() => ContentAsync(m => m.DeleteAsync(live.ContentItemId)));
    }

    [SkippableFact]
    public async Task A_stale_update_is_refused_with_a_conflict_and_writes_nothing()
    {
        var live = await CreateAsync(ArticleBuilder.Titled("Grid upgrade"), publish: true);
        var draft = await UpdateAsync(live, ArticleBuilder.Titled("First editor's change").Ranked(1));
        var before = await CountRowsAsync();

        var conflict = await Assert.ThrowsAsync<ContentConflictException>(() => UpdateAsync(live, ArticleBuilder.Titled("Second editor's change").Ranked(2)));

        Assert.Equal(live.ContentItemVersionId, conflict.ExpectedVersionId);
        Assert.Equal(draft.ContentItemVersionId, conflict.ActualVersionId);
        Assert.Equal(before, await CountRowsAsync());
        var latest = await GetAsync(live.ContentItemId, VersionOptions.Latest);
        Assert.Equal(draft.ContentItemVersionId, latest!.ContentItemVersionId);
        Assert.Equal("First editor's change", latest.DisplayText);
    }

    [SkippableFact]
    public async Task A_stale_publish_or_discard_is_refused_with_a_conflict()
    {
        var live = await CreateAsync(ArticleBuilder.Titled("Grid upgrade"), publish: true);
        await UpdateAsync(live, ArticleBuilder.Titled("Revised"));

        await Assert.ThrowsAsync<ContentConflictException>(() => ContentAsync(m => m.PublishAsync(live.ContentItemId, live.ContentItemVersionId)));
        await Assert.ThrowsAsync<ContentConflictException>(() => ContentAsync(m => m.DiscardDraftAsync(live.ContentItemId, live.ContentItemVersionId)));

        Assert.Equal("Grid upgrade", (await GetAsync(live.ContentItemId, VersionOptions.Published))!.DisplayText);
        Assert.Equal("Revised", (await GetAsync(live.ContentItemId, VersionOptions.Latest))!.DisplayText);
    }

    [SkippableFact]
    public async Task Two_editors_saving_from_the_same_version_at_once_let_exactly_one_win()
    {
        var live = await CreateAsync(ArticleBuilder.Titled("Grid upgrade"), publish: true);
        var gate = new RaceGate(parties: 2, timeout: TimeSpan.FromSeconds(2));
        Clock.Advance(TimeSpan.FromMinutes(1));

        async Task<ContentItem> SaveAsync(string title)
        {
            await using var scope = Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TestContentAccess>().EditGate = gate;
            var manager = scope.ServiceProvider.GetRequiredService<IContentManager>();
            return await manager.UpdateAsync(live.ContentItemId, live.ContentItemVersionId, ArticleBuilder.Titled(title).Parts());
        }

        var attempts = new[] { Task.Run(() => SaveAsync("Editor A")), Task.Run(() => SaveAsync("Editor B")) };
        await Task.WhenAll(attempts.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));

        var winner = Assert.Single(attempts, t => t.IsCompletedSuccessfully);
        var loser = Assert.Single(attempts, t => !t.IsCompletedSuccessfully);
        Assert.IsType<ContentConflictException>(loser.Exception!.InnerException);
        var versions = await VersionsAsync(live.ContentItemId);
        Assert.Equal(2, versions.Count);
        var latest = Assert.Single(versions, v => v.Latest);
        Assert.Equal(winner.Result.ContentItemVersionId, latest.ContentItemVersionId);
        Assert.Equal(winner.Result.DisplayText, latest.DisplayText);
        Assert.Equal(live.ContentItemVersionId, Assert.Single(versions, v => v.Published).ContentItemVersionId);
    }

    [SkippableFact]
    public async Task Creating_an_item_with_an_id_that_exists_is_refused()
    {
        await CreateAsync(ArticleBuilder.Titled("Grid upgrade").WithId("article-1"));
        var before = await CountRowsAsync();

        var error = await Assert.ThrowsAsync<ContentValidationException>(() => CreateAsync(ArticleBuilder.Titled("Other").WithId("article-1")));

        Assert.Equal("$.ContentItemId", Assert.Single(error.Errors).Path);
        Assert.Equal(before, await CountRowsAsync());
    }

    [SkippableFact]
    public async Task Events_are_raised_after_the_change_commits_and_never_for_a_rolled_back_one()
    {
        var live = await CreateAsync(ArticleBuilder.Titled("Grid upgrade"), publish: true);
        Assert.Equal([ContentEventKind.Created, ContentEventKind.Published], Events.Events.Select(e => e.Kind));

        await InScopeAsync(async sp =>
        {
            var unitOfWork = sp.GetRequiredService<IUnitOfWork>();
            await using (var transaction = await unitOfWork.BeginAsync())
            {
                await sp.GetRequiredService<IContentManager>().UpdateAsync(live.ContentItemId, live.ContentItemVersionId, ArticleBuilder.Titled("Abandoned").Parts());
                Assert.Equal(2, Events.Events.Count);
            }

            await using (var transaction = await unitOfWork.BeginAsync())
            {
                await sp.GetRequiredService<IContentManager>().UpdateAsync(live.ContentItemId, live.ContentItemVersionId, ArticleBuilder.Titled("Kept").Parts());
                Assert.Equal(2, Events.Events.Count);
                await transaction.CommitAsync();
            }
        });

        var saved = Events.Events[2];
        Assert.Equal(3, Events.Events.Count);
        Assert.Equal(ContentEventKind.Saved, saved.Kind);
        Assert.Equal(live.ContentItemId, saved.ContentItemId);
        Assert.Equal("Kept", (await GetAsync(live.ContentItemId, VersionOptions.Latest))!.DisplayText);
        Assert.Equal(2, (await VersionsAsync(live.ContentItemId)).Count);
    }
}
