using Cms.Data;
using Cms.Testing;
using Cms.Workflow.Scheduling;
using Cms.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Cms.Workflow.Tests;

/// <summary>Scheduled publishing with several hosts on one database: each due item is published once.</summary>
public sealed class SchedulerTests
{
    [SkippableFact]
    public async Task Two_hosts_on_one_PostgreSQL_database_publish_a_due_item_exactly_once()
    {
        TestEnvironment.RequirePostgres();
        await using var database = await PostgresTestDatabase.CreateAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var first = await WorkflowHost.StartAsync(database.ConnectionString, clock: clock);
        await using var second = await WorkflowHost.StartAsync(database.ConnectionString, seed: false, clock: clock);

        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add(await ScheduleAsync(first, $"Scheduled story {i}", clock.GetUtcNow().AddMinutes(5)));
        }

        first.Advance(TimeSpan.FromMinutes(6));
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(n => (n % 2 == 0 ? first : second)
            .AsSystemAsync(sp => sp.GetRequiredService<PublishingScheduler>().RunDueAsync())));

        Assert.Equal(ids.Count, runs.Sum());
        var publishEvents = await first.AsSystemAsync(sp => sp.GetRequiredService<CmsDbContext>().AuditEvents.AsNoTracking()
            .Where(a => a.Kind == "content.publish" && ids.Contains(a.TargetId!)).GroupBy(a => a.TargetId).Select(g => new { Id = g.Key, Count = g.Count() }).ToListAsync());
        Assert.Equal(ids.Order(), publishEvents.Select(e => e.Id!).Order());
        Assert.All(publishEvents, e => Assert.Equal(1, e.Count));
        var liveVersions = await first.AsSystemAsync(sp => sp.GetRequiredService<CmsDbContext>().ContentItems.AsNoTracking()
            .CountAsync(r => ids.Contains(r.ContentItemId) && r.Published));
        Assert.Equal(ids.Count, liveVersions);
    }

    [Fact]
    public async Task A_claim_whose_host_died_is_retried_after_its_lease_and_never_applied_twice()
    {
        await using var host = await WorkflowHost.StartAsync();
        var id = await ScheduleAsync(host, "Lease test", host.Clock.GetUtcNow().AddMinutes(1));
        host.Advance(TimeSpan.FromMinutes(2));

        // A host claims the row and dies before publishing.
        var claimed = await host.AsSystemAsync(sp => sp.GetRequiredService<CmsDbContext>().ContentSchedules
            .Where(s => s.ContentItemId == id).ExecuteUpdateAsync(set => set
                .SetProperty(s => s.ClaimToken, "dead-host")
                .SetProperty(s => s.ClaimedUntilUtc, host.Clock.GetUtcNow().UtcDateTime.AddMinutes(2))));
        Assert.Equal(1, claimed);
        Assert.Equal(0, await host.AsSystemAsync(sp => sp.GetRequiredService<PublishingScheduler>().RunDueAsync()));

        host.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(1, await host.AsSystemAsync(sp => sp.GetRequiredService<PublishingScheduler>().RunDueAsync()));
        Assert.Equal(0, await host.AsSystemAsync(sp => sp.GetRequiredService<PublishingScheduler>().RunDueAsync()));
        var status = await host.AsSystemAsync(sp => sp.GetRequiredService<CmsDbContext>().ContentSchedules.AsNoTracking().Where(s => s.ContentItemId == id).Select(s => s.Status).SingleAsync());
        Assert.Equal(ScheduleStatus.Done, status);
    }

    [Fact]
    public async Task Publish_now_with_an_unpublish_time_takes_the_article_down_when_it_is_due()
    {
        await using var host = await WorkflowHost.StartAsync();
        var (id, approved) = await ApproveAsync(host, "Event notice");
        var published = await host.PostAsync("desk-editor", $"/api/content/{id}/transitions/publish", new { unpublishAt = host.Clock.GetUtcNow().AddHours(1) }, approved);
        Assert.Equal("Published", published.Stage);

        host.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(1, await host.AsSystemAsync(sp => sp.GetRequiredService<PublishingScheduler>().RunDueAsync()));
        Assert.Equal(404, (await host.GetAsync("desk-editor", $"/api/content/{id}?version=published")).Status);
    }

    internal static async Task<(string Id, string ETag)> ApproveAsync(WorkflowHost host, string title)
    {
        var created = await host.PostAsync("desk-contributor", "/api/content", Articles.New(title, $"<p>{title}.</p>"));
        var id = created.Json["ContentItemId"]!.GetValue<string>();
        var submitted = await host.PostAsync("desk-contributor", $"/api/content/{id}/transitions/submit", ifMatch: created.ETag);
        var approved = await host.PostAsync("desk-editor", $"/api/content/{id}/transitions/approve", ifMatch: submitted.ETag);
        Assert.Equal("Approved", approved.Stage);
        return (id, approved.ETag!);
    }

    private static async Task<string> ScheduleAsync(WorkflowHost host, string title, DateTimeOffset at)
    {
        var (id, etag) = await ApproveAsync(host, title);
        var scheduled = await host.PostAsync("desk-editor", $"/api/content/{id}/transitions/publish", new { publishAt = at }, etag);
        Assert.Equal(200, scheduled.Status);
        return id;
    }
}
