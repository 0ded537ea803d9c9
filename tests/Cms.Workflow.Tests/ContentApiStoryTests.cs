using System.Text.Json.Nodes;
using Cms.Testing;
using Cms.Workflow.Scheduling;
using Cms.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Workflow.Tests;

/// <summary>
/// The newsroom's story over the content API, as scripts and the admin drive it: a contributor writes and
/// submits, an editor sends it back with a comment, the contributor fixes it and resubmits, the editor approves and
/// schedules it, the clock moves, and the article goes live exactly once, visible to anonymous GraphQL, with every
/// step in the audit trail and the edit in the diff.
/// </summary>
public abstract class ContentApiStoryTests
{
    protected abstract Task<WorkflowHost> StartAsync();

    [SkippableFact]
    public async Task A_contributors_article_goes_through_review_and_a_schedule_to_the_site_once()
    {
        await using var host = await StartAsync();

        var created = await host.PostAsync("desk-contributor", "/api/content", Articles.New("Water tariffs rise in the south", "<p>Tariffs for households will rise next month.</p>"));
        Assert.Equal(201, created.Status);
        Assert.Equal("Draft", created.Stage);
        var id = created.Json["ContentItemId"]!.GetValue<string>();
        Assert.Equal("desk-contributor", created.Json["Owner"]!.GetValue<string>());

        var submitted = await host.PostAsync("desk-contributor", $"/api/content/{id}/transitions/submit", ifMatch: created.ETag);
        Assert.Equal(200, submitted.Status);
        Assert.Equal("InReview", submitted.Stage);

        // The editor sees it waiting for review and sends it back; a comment is required.
        var inbox = await host.GetAsync("desk-editor", "/api/content?stage=InReview&type=Article");
        Assert.Contains(inbox.Json["items"]!.AsArray(), i => i!["contentItemId"]!.GetValue<string>() == id);
        var noComment = await host.PostAsync("desk-editor", $"/api/content/{id}/transitions/request-changes", ifMatch: submitted.ETag);
        Assert.Equal(400, noComment.Status);
        Assert.Contains("$.comment", noComment.Body, StringComparison.Ordinal);
        var sentBack = await host.PostAsync("desk-editor", $"/api/content/{id}/transitions/request-changes", new { comment = "Say by how much, and <script>x()</script>from when." }, submitted.ETag);
        Assert.Equal(200, sentBack.Status);
        Assert.Equal("Draft", sentBack.Stage);

        var thread = await host.GetAsync("desk-contributor", $"/api/content/{id}/comments");
        var comment = Assert.Single(thread.Json.AsArray());
        Assert.Equal("request-changes", comment!["transition"]!.GetValue<string>());
        Assert.DoesNotContain("<script", comment["text"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);

        // The contributor fixes it and resubmits.
        var current = await host.GetAsync("desk-contributor", $"/api/content/{id}");
        var edited = await host.PostAsync("desk-contributor", "/api/content",
            Articles.Edit(current.Json, body: "<p>Tariffs for households will rise by 12 percent from 1 March.</p>"), current.ETag);
        Assert.Equal(200, edited.Status);
        Assert.NotEqual(current.ETag, edited.ETag);
        var resubmitted = await host.PostAsync("desk-contributor", $"/api/content/{id}/transitions/submit", ifMatch: edited.ETag);
        Assert.Equal("InReview", resubmitted.Stage);

        // A contributor can neither approve nor publish.
        Assert.Equal(403, (await host.PostAsync("desk-contributor", $"/api/content/{id}/transitions/approve", ifMatch: resubmitted.ETag)).Status);

        // The editor approves and schedules it half an hour ahead.
        var approved = await host.PostAsync("desk-editor", $"/api/content/{id}/transitions/approve", ifMatch: resubmitted.ETag);
        Assert.Equal("Approved", approved.Stage);
        var at = host.Clock.GetUtcNow().AddMinutes(30);
        var scheduled = await host.PostAsync("desk-editor", $"/api/content/{id}/transitions/publish", new { publishAt = at }, approved.ETag);
        Assert.Equal(200, scheduled.Status);
        Assert.Equal("Approved", scheduled.Stage);
        Assert.Equal("Pending", scheduled.Json["Workflow"]!["Schedules"]![0]!["Status"]!.GetValue<string>());

        // Not yet: the scheduler finds nothing due, and the site does not show it.
        Assert.Equal(0, await RunSchedulerAsync(host));
        Assert.DoesNotContain(id, await PublishedArticleIdsAsync(host));

        host.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(1, await RunSchedulerAsync(host));
        Assert.Equal(0, await RunSchedulerAsync(host));
        Assert.Contains(id, await PublishedArticleIdsAsync(host));

        var live = await host.GetAsync("desk-editor", $"/api/content/{id}?version=published");
        Assert.Equal("Published", live.Stage);
        Assert.Equal(edited.ETag, live.ETag);

        // The audit trail lists every step, with who made it.
        var audit = await host.GetAsync("desk-editor", $"/api/content/{id}/audit");
        var steps = audit.Json["items"]!.AsArray().Select(e => (Kind: e!["kind"]!.GetValue<string>(), Actor: e["actorId"]?.GetValue<string>())).Reverse().ToList();
        Assert.Equal(
            [
                ("content.created", "desk-contributor"), ("content.submit", "desk-contributor"), ("content.request-changes", "desk-editor"),
                ("content.saved", "desk-contributor"), ("content.submit", "desk-contributor"), ("content.approve", "desk-editor"),
                ("content.schedule", "desk-editor"), ("content.publish", null),
            ],
            steps);
        Assert.Single(steps, s => s.Kind == "content.publish");

        // The diff between the first and the latest version shows the edit as words.
        var diff = await host.GetAsync("desk-editor", $"/api/content/{id}/diff");
        var body = diff.Json["fields"]!.AsArray().Single(f => f!["path"]!.GetValue<string>() == "HtmlBodyPart.Html");
        var words = body!["words"]!.AsArray();
        Assert.Contains(words, w => w!["op"]!.GetValue<string>() == "inserted" && w["text"]!.GetValue<string>().Contains("12", StringComparison.Ordinal));
        Assert.Contains(words, w => w!["op"]!.GetValue<string>() == "deleted" && w["text"]!.GetValue<string>().Contains("next", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task An_article_edited_after_approval_is_not_published_by_its_schedule_and_the_owner_sees_why()
    {
        await using var host = await StartAsync();
        var created = await host.PostAsync("desk-contributor", "/api/content", Articles.New("Ferry timetable changes", "<p>Two sailings a day.</p>"));
        var id = created.Json["ContentItemId"]!.GetValue<string>();
        var submitted = await host.PostAsync("desk-contributor", $"/api/content/{id}/transitions/submit", ifMatch: created.ETag);
        var approved = await host.PostAsync("desk-editor", $"/api/content/{id}/transitions/approve", ifMatch: submitted.ETag);
        var scheduled = await host.PostAsync("desk-editor", $"/api/content/{id}/transitions/publish", new { publishAt = host.Clock.GetUtcNow().AddMinutes(10) }, approved.ETag);
        Assert.Equal(200, scheduled.Status);

        // A reviewer edits the approved version: it goes back to review and the schedule no longer applies.
        var current = await host.GetAsync("desk-editor", $"/api/content/{id}");
        var edited = await host.PostAsync("desk-editor", "/api/content", Articles.Edit(current.Json, body: "<p>Three sailings a day.</p>"), current.ETag);
        Assert.Equal("InReview", edited.Stage);

        host.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(0, await RunSchedulerAsync(host));
        Assert.DoesNotContain(id, await PublishedArticleIdsAsync(host));

        var state = await host.GetAsync("desk-contributor", $"/api/content/{id}");
        var schedule = state.Json["Workflow"]!["Schedules"]![0]!;
        Assert.Equal(ScheduleStatus.Skipped, schedule["Status"]!.GetValue<string>());
        Assert.Contains("edited after it was scheduled", schedule["Reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    protected static Task<int> RunSchedulerAsync(WorkflowHost host) =>
        host.AsSystemAsync(sp => sp.GetRequiredService<PublishingScheduler>().RunDueAsync());

    protected static async Task<IReadOnlyList<string>> PublishedArticleIdsAsync(WorkflowHost host)
    {
        var data = await host.GraphQLAsync("{ article(first: 100) { contentItemId displayText lead htmlBodyPart { html } section { contentItems { contentItemId } } } }");
        Assert.Null(data["errors"]);
        return data["data"]!["article"]!.AsArray().Select(a => a!["contentItemId"]!.GetValue<string>()).ToList();
    }
}

public sealed class SqliteContentApiStoryTests : ContentApiStoryTests
{
    protected override Task<WorkflowHost> StartAsync() => WorkflowHost.StartAsync();
}

public sealed class PostgresContentApiStoryTests : ContentApiStoryTests, IAsyncLifetime
{
    private PostgresTestDatabase? _database;

    public async Task InitializeAsync() => _database = TestEnvironment.PostgresServer is null ? null : await PostgresTestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected override Task<WorkflowHost> StartAsync()
    {
        TestEnvironment.RequirePostgres();
        return WorkflowHost.StartAsync(_database!.ConnectionString);
    }
}
