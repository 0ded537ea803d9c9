using System.Text.Json.Nodes;
using Cms.Core.Content;
using Cms.Core.Queries;
using Cms.Core.Storage;
using Cms.Data.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Data.Tests;

/// <summary>Lists and batches share parsed content between requests (<see cref="Stores.SharedContentCache"/>).</summary>
public abstract partial class ContentStoreTests
{
    [SkippableFact]
    public async Task Lists_share_the_parsed_content_of_an_unchanged_version_between_requests()
    {
        var created = await CreateAsync(ArticleBuilder.Titled("Shared").WithLead("Read twice"), publish: true);

        var first = Assert.Single((await QueryAsync(Articles())).Items);
        var second = Assert.Single((await QueryAsync(Articles())).Items);
        var batch = await InScopeAsync(sp => sp.GetRequiredService<Core.Storage.IContentStore>().GetManyAsync([created.ContentItemId], VersionOptions.Published));

        Assert.Same(first.Content, second.Content);
        Assert.Same(first.Content, batch[created.ContentItemId].Content);
        Assert.Equal("Read twice", LeadOf(second));
    }

    [SkippableFact]
    public async Task A_batch_of_two_or_seven_items_is_read_with_the_same_SQL()
    {
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add((await CreateAsync(ArticleBuilder.Titled($"Batch {i}"), publish: true)).ContentItemId);
        }

        var store = (IServiceProvider sp) => sp.GetRequiredService<IContentStore>();
        await InScopeAsync(sp => store(sp).GetManyAsync(ids, VersionOptions.Published)); // every version parsed and shared
        Commands.Reset();
        var two = await InScopeAsync(sp => store(sp).GetManyAsync(ids.Take(2).ToList(), VersionOptions.Published));
        var twoSql = Commands.Commands;
        Commands.Reset();
        var seven = await InScopeAsync(sp => store(sp).GetManyAsync(ids, VersionOptions.Published));
        var sevenSql = Commands.Commands;

        // The ids go as one parameter: the statement is planned once, whatever the size of the batch.
        Assert.Equal(2, two.Count);
        Assert.Equal(7, seven.Count);
        Assert.Single(sevenSql);
        Assert.Equal(twoSql, sevenSql);
    }

    [SkippableFact]
    public async Task An_item_saved_in_place_is_never_listed_with_its_old_content()
    {
        var note = await ContentAsync(m => m.CreateAsync(TestSchema.Note("Reminder", "Call the desk", 1), publish: false));
        var notes = new ContentQuery { ContentType = note.ContentType, Status = ContentStatus.Latest };
        var before = Assert.Single((await QueryAsync(notes)).Items);

        var saved = await ContentAsync(m => m.UpdateAsync(note.ContentItemId, note.ContentItemVersionId, TestSchema.Note("Reminder", "Call the printers", 5).Content));
        var after = Assert.Single((await QueryAsync(notes)).Items);

        Assert.Equal(note.ContentItemVersionId, saved.ContentItemVersionId); // the same row, changed in place
        Assert.Equal("Call the desk", TextOf(before));
        Assert.Equal("Call the printers", TextOf(after));
    }

    [SkippableFact]
    public async Task A_revision_read_inside_a_transaction_that_was_rolled_back_is_never_listed()
    {
        var note = await ContentAsync(m => m.CreateAsync(TestSchema.Note("Reminder", "Call the desk", 1), publish: false));
        var notes = new ContentQuery { ContentType = note.ContentType, Status = ContentStatus.Latest };
        Assert.Equal("Call the desk", TextOf(Assert.Single((await QueryAsync(notes)).Items)));

        var readInside = await InScopeAsync(async sp =>
        {
            await using var transaction = await sp.GetRequiredService<IUnitOfWork>().BeginAsync();
            var manager = sp.GetRequiredService<IContentManager>();
            await manager.UpdateAsync(note.ContentItemId, note.ContentItemVersionId, TestSchema.Note("Reminder", "Never committed", 2).Content);
            return TextOf(Assert.Single((await manager.QueryAsync(notes)).Items));
            // Not committed: disposing the transaction rolls it back.
        });
        // The same row reaches the same revision number again, with other text.
        await ContentAsync(m => m.UpdateAsync(note.ContentItemId, note.ContentItemVersionId, TestSchema.Note("Reminder", "Call the printers", 5).Content));
        var listed = Assert.Single((await QueryAsync(notes)).Items);
        var batch = await InScopeAsync(sp => sp.GetRequiredService<IContentStore>().GetManyAsync([note.ContentItemId], VersionOptions.Latest));

        Assert.Equal("Never committed", readInside);
        Assert.Equal("Call the printers", TextOf(listed));
        Assert.Equal("Call the printers", TextOf(batch[note.ContentItemId]));
    }

    [SkippableFact]
    public async Task An_item_loaded_for_writing_is_its_own_copy()
    {
        var created = await CreateAsync(ArticleBuilder.Titled("Own copy").WithLead("Untouched"), publish: true);
        var listed = Assert.Single((await QueryAsync(Articles())).Items);

        var loaded = await GetAsync(created.ContentItemId, VersionOptions.Published);
        ((JsonObject)loaded!.Content["Article"]!["Lead"]!)["Text"] = "Changed in memory only";
        var listedAgain = Assert.Single((await QueryAsync(Articles())).Items);

        Assert.NotSame(listed.Content, loaded.Content);
        Assert.Equal("Untouched", LeadOf(listedAgain));
    }

    private static string? LeadOf(ContentItem item) => item.Content["Article"]?["Lead"]?["Text"]?.GetValue<string>();

    private static string? TextOf(ContentItem note) => note.Content["Note"]?["Body"]?["Text"]?.GetValue<string>();
}
