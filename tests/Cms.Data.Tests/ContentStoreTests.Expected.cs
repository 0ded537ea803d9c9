using Cms.Core.Content;
using Cms.Core.Metadata;
using Cms.Core.Storage;
using Cms.Data.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Data.Tests;

/// <summary>
/// A batched import's set-based lookups (<see cref="IContentStore.ExpectAsync"/>) and its search rows, written with the
/// batch: the answers must be the database's, including for what the session saved after the lookup.
/// </summary>
public abstract partial class ContentStoreTests
{
    [SkippableFact]
    public async Task Expected_ids_and_paths_answer_as_the_database_and_follow_later_saves()
    {
        await ContentAsync(m => m.ImportAsync(Archived("existing", "Budget talks", path: "news/budget"), "$"));

        await InScopeAsync(async sp =>
        {
            var unitOfWork = sp.GetRequiredService<IUnitOfWork>();
            var store = sp.GetRequiredService<IContentStore>();
            var manager = sp.GetRequiredService<IContentManager>();
            await using var transaction = await unitOfWork.BeginAsync();
            using (unitOfWork.DeferSaves())
            {
                await store.ExpectAsync(["existing", "new-1", "new-2"], ["news/budget", "news/free"]);

                Assert.Equal("Budget talks", (await store.GetAsync("existing", VersionOptions.Latest))!.DisplayText);
                Assert.Null(await store.GetAsync("new-1", VersionOptions.Latest));
                Assert.Empty(await store.GetVersionsAsync("new-2"));
                Assert.Equal("existing", await store.FindPathOwnerAsync("news/budget", "someone-else"));
                Assert.Null(await store.FindPathOwnerAsync("news/budget", "existing"));
                Assert.Null(await store.FindPathOwnerAsync("news/free", "someone-else"));

                // Saved after the lookup (not written yet, then written): the answers follow the save.
                await manager.ImportAsync(Archived("new-1", "Free path", path: "news/free"), "$[0]");
                Assert.Equal("new-1", (await store.GetAsync("new-1", VersionOptions.Latest))!.ContentItemId);
                Assert.Equal("new-1", await store.FindPathOwnerAsync("news/free", "someone-else"));
                await unitOfWork.FlushAsync();
                Assert.Equal("new-1", await store.FindPathOwnerAsync("news/free", "someone-else"));

                var error = await Assert.ThrowsAsync<ContentValidationException>(() => manager.ImportAsync(Archived("new-2", "Same path", path: "news/free"), "$[1]"));
                Assert.Equal("the path 'news/free' is already used by item 'new-1'.", error.Errors[0].Message);
            }
        });

        Assert.Null(await GetAsync("new-1", VersionOptions.Latest));
    }

    [SkippableFact]
    public async Task Search_rows_held_with_a_batch_are_inserted_or_updated_once_per_item()
    {
        await ContentAsync(m => m.ImportAsync(Archived("first", "Budget day"), "$"));

        await ImportDeferredAsync(Archived("first", "Budget day, revised"), Archived("second", "Grid upgrade"), Archived("second", "Grid upgrade, revised"));

        var rows = await InScopeAsync(sp => sp.GetRequiredService<CmsDbContext>().ContentSearch.AsNoTracking()
            .OrderBy(r => r.ContentItemId)
            .Select(r => new { r.ContentItemId, r.Title, Version = r.Document!.ContentItemVersionId })
            .ToListAsync());
        Assert.Equal(["first", "second"], rows.Select(r => r.ContentItemId));
        Assert.Equal(["Budget day, revised", "Grid upgrade, revised"], rows.Select(r => r.Title));
        Assert.Equal((await GetAsync("first", VersionOptions.Published))!.ContentItemVersionId, rows[0].Version);
        Assert.Equal((await GetAsync("second", VersionOptions.Published))!.ContentItemVersionId, rows[1].Version);
    }

    [SkippableFact]
    public async Task An_item_prepared_ahead_gets_the_search_row_of_one_imported_as_it_came()
    {
        var html = "<p>Dredging the <b>harbour</b> mouth &amp; the quays</p><p>starts in June.</p>";
        await ContentAsync(m => m.ImportAsync(Archived("as-it-came", "Harbour works", body: html), "$"));

        await InScopeAsync(async sp =>
        {
            var set = await sp.GetRequiredService<IContentDefinitionManager>().GetAsync();
            var prepared = sp.GetRequiredService<ContentItemNormalizer>().PrepareImport(Archived("prepared", "Harbour works", body: html), set, "$");
            await sp.GetRequiredService<IContentManager>().ImportAsync(prepared);
        });

        var rows = await InScopeAsync(sp => sp.GetRequiredService<CmsDbContext>().ContentSearch.AsNoTracking()
            .OrderBy(r => r.ContentItemId)
            .Select(r => new { r.ContentType, r.Title, r.Lead, r.Body, r.Tags, r.Authors })
            .ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.Equal(rows[0], rows[1]);
        Assert.Equal("Dredging the harbour mouth & the quays starts in June.", rows[0].Body);
    }

    [SkippableFact]
    public async Task Search_rows_held_with_a_batch_go_when_the_item_is_deleted_in_it()
    {
        await InScopeAsync(async sp =>
        {
            var unitOfWork = sp.GetRequiredService<IUnitOfWork>();
            var manager = sp.GetRequiredService<IContentManager>();
            await using var transaction = await unitOfWork.BeginAsync();
            using (unitOfWork.DeferSaves())
            {
                await manager.ImportAsync(Archived("short-lived", "Gone soon"), "$[0]");
                await manager.ImportAsync(Archived("kept", "Stays"), "$[1]");
                await manager.DeleteAsync("short-lived");
                await unitOfWork.FlushAsync();
            }

            await transaction.CommitAsync();
        });

        var ids = await InScopeAsync(sp => sp.GetRequiredService<CmsDbContext>().ContentSearch.AsNoTracking().Select(r => r.ContentItemId).ToListAsync());
        Assert.Equal(["kept"], ids);
    }
}
