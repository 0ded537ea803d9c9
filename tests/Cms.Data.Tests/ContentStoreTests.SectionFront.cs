using Cms.Core.Content;
using Cms.Core.Fields;
using Cms.Core.Queries;
using Cms.Data.Stores;
using Cms.Data.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Data.Tests;

/// <summary>
/// "The newest published articles of a section" is cut from the picker index, whose rows carry their version's published
/// flag and date: these tests keep those copies honest through every change of a version's publication.
/// </summary>
public abstract partial class ContentStoreTests
{
    [SkippableFact]
    public async Task A_section_front_follows_publishing_a_draft_unpublishing_and_a_move_to_another_section()
    {
        var ferry = await CreateAsync(ArticleBuilder.Titled("Ferry timetable").InSection("sec-energy"), publish: true);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var wind = await CreateAsync(ArticleBuilder.Titled("Wind auction").InSection("sec-energy"), publish: true);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var substation = await CreateAsync(ArticleBuilder.Titled("Substation delay").InSection("sec-energy"));
        Assert.Equal(["Wind auction", "Ferry timetable"], await TitlesAsync(SectionFront("sec-energy")));

        // A draft on top of a published item leaves the live version where it was, once.
        await UpdateAsync(ferry, ArticleBuilder.Titled("Ferry timetable, revised").InSection("sec-energy"));
        Assert.Equal(["Wind auction", "Ferry timetable"], await TitlesAsync(SectionFront("sec-energy")));

        // Publishing the draft puts it first: its version is the published one now, with the new date.
        Clock.Advance(TimeSpan.FromMinutes(1));
        await ContentAsync(m => m.PublishAsync(ferry.ContentItemId));
        Assert.Equal(["Ferry timetable, revised", "Wind auction"], await TitlesAsync(SectionFront("sec-energy")));

        Clock.Advance(TimeSpan.FromMinutes(1));
        await ContentAsync(m => m.PublishAsync(substation.ContentItemId));
        Assert.Equal(["Substation delay", "Ferry timetable, revised", "Wind auction"], await TitlesAsync(SectionFront("sec-energy")));
        Assert.Equal(["Ferry timetable, revised"], await TitlesAsync(SectionFront("sec-energy", take: 1) with { Skip = 1 }));

        await ContentAsync(m => m.UnpublishAsync(wind.ContentItemId));
        Assert.Equal(["Substation delay", "Ferry timetable, revised"], await TitlesAsync(SectionFront("sec-energy")));

        // A new version in another section, once published, moves the item.
        var latest = (await GetAsync(substation.ContentItemId, VersionOptions.Latest))!;
        await UpdateAsync(latest, ArticleBuilder.Titled("Substation delay").InSection("sec-economy"));
        Clock.Advance(TimeSpan.FromMinutes(1));
        await ContentAsync(m => m.PublishAsync(substation.ContentItemId));
        Assert.Equal(["Ferry timetable, revised"], await TitlesAsync(SectionFront("sec-energy")));
        Assert.Equal(["Substation delay"], await TitlesAsync(SectionFront("sec-economy")));

        // Republishing an unpublished item brings it back with the date of its new publication.
        Clock.Advance(TimeSpan.FromMinutes(1));
        await ContentAsync(m => m.PublishAsync(wind.ContentItemId));
        Assert.Equal(["Wind auction", "Ferry timetable, revised"], await TitlesAsync(SectionFront("sec-energy")));

        // Every picker row holds its version's flag and date, and the query took the picker index's form.
        var stale = await InScopeAsync(sp => sp.GetRequiredService<CmsDbContext>().ContentPickerFieldIndex
            .Join(sp.GetRequiredService<CmsDbContext>().ContentItems, i => i.DocumentId, r => r.Id, (i, r) => new { i, r })
            .CountAsync(x => x.i.Published != x.r.Published || x.i.PublishedUtc != x.r.PublishedUtc));
        Assert.Equal(0, stale);
        Assert.Contains("\"ContentPickerFieldIndex\"", await SectionFrontSqlAsync(SectionFront("sec-energy")), StringComparison.Ordinal);
    }

    /// <summary>The SQL the store runs for a page of <paramref name="query"/>.</summary>
    protected Task<string> SectionFrontSqlAsync(ContentQuery query) => InScopeAsync(sp =>
        Task.FromResult(((EfContentStore)sp.GetRequiredService<Core.Storage.IContentStore>()).Page(query).ToQueryString()));
}
