using Cms.Core.Content;
using Cms.Data.Stores;
using Cms.Data.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Data.Tests;

/// <summary>Reads outside transactions run EF Core's SQL through <see cref="PreparedReads"/> with rows read by hand.</summary>
public abstract partial class ContentStoreTests
{
    [SkippableFact]
    public async Task Rows_read_by_hand_are_the_rows_EF_Core_reads()
    {
        await CreateAsync(ArticleBuilder.Titled("Draft only")); // dates with no fraction, and no publication date
        Clock.Advance(TimeSpan.FromTicks(1_234_567)); // dates with every digit of their fraction
        await CreateAsync(ArticleBuilder.Titled("Published"), publish: true);

        var (byEf, byHand) = await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CmsDbContext>();
            var rows = db.ContentItems.AsNoTracking().OrderBy(r => r.Id).Select(EfContentStore.Head);
            return (await rows.ToListAsync(), await sp.GetRequiredService<PreparedReads>().ReadAsync(db, rows, EfContentStore.ReadHead, default));
        });

        Assert.Equal(2, byEf.Count);
        Assert.Contains(byEf, r => r.PublishedUtc is null && r.CreatedUtc is { } d && d.Ticks % TimeSpan.TicksPerSecond == 0);
        Assert.Contains(byEf, r => r.PublishedUtc is { } d && d.Ticks % TimeSpan.TicksPerSecond != 0); // PostgreSQL keeps microseconds
        Assert.Equal(byEf.Count, byHand.Count);
        foreach (var (ef, hand) in byEf.Zip(byHand))
        {
            Assert.Equal(Columns(ef), Columns(hand));
            Assert.All(new[] { hand.CreatedUtc, hand.ModifiedUtc, hand.PublishedUtc, hand.DueUtc }.OfType<DateTime>(), d => Assert.Equal(DateTimeKind.Utc, d.Kind));
        }
    }

    [SkippableFact]
    public async Task A_read_inside_a_transaction_begun_on_the_context_sees_what_it_wrote()
    {
        var note = await ContentAsync(m => m.CreateAsync(TestSchema.Note("Reminder", "Call the desk", 1), publish: false));
        var notes = new Core.Queries.ContentQuery { ContentType = note.ContentType, Status = Core.Queries.ContentStatus.Latest };

        var inside = await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CmsDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.ContentItems.Where(r => r.ContentItemId == note.ContentItemId).ExecuteUpdateAsync(s => s.SetProperty(r => r.DisplayText, "Renamed"));
            return Assert.Single((await sp.GetRequiredService<IContentManager>().QueryAsync(notes)).Items).DisplayText;
        });

        // Not through the unit of work, yet the read stays on the transaction's connection; then rolled back.
        Assert.Equal("Renamed", inside);
        Assert.Equal(note.DisplayText, Assert.Single((await QueryAsync(notes)).Items).DisplayText);
    }

    private static object?[] Columns(Entities.ContentItemRecord r) =>
        [r.Id, r.ContentItemId, r.ContentItemVersionId, r.ContentType, r.DisplayText, r.Latest, r.Published, r.Owner, r.Author, r.CreatedUtc, r.ModifiedUtc, r.PublishedUtc, r.Stage, r.AssignedTo, r.DueUtc, r.Revision];
}
