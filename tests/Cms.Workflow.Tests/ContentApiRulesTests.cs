using System.Text.Json.Nodes;
using Cms.Core.Content;
using Cms.Core.Events;
using Cms.Data;
using Cms.Testing;
using Cms.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Workflow.Tests;

/// <summary>The API's rules on every write: versions named in If-Match, refusals that change nothing, no mass assignment, no leaks.</summary>
public sealed class ContentApiRulesTests
{
    [SkippableTheory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Two_writes_from_the_same_version_race_and_exactly_one_wins_the_other_gets_412_and_leaves_nothing(string provider)
    {
        await using var database = provider == "Postgres" ? await PostgresTestDatabase.CreateAsync() : null;
        await using var host = await WorkflowHost.StartAsync(database?.ConnectionString);
        var created = await host.PostAsync("desk-editor", "/api/content", Articles.New("Grid upgrade", "<p>First words.</p>"));
        var id = created.Json["ContentItemId"]!.GetValue<string>();

        for (var round = 0; round < 5; round++)
        {
            var current = await host.GetAsync("desk-editor", $"/api/content/{id}");
            var a = host.PostAsync("desk-editor", "/api/content", Articles.Edit(current.Json, body: $"<p>Writer A, round {round}.</p>"), current.ETag);
            var b = host.PostAsync("desk-editor", "/api/content", Articles.Edit(current.Json, body: $"<p>Writer B, round {round}.</p>"), current.ETag);
            var results = await Task.WhenAll(a, b);

            Assert.Single(results, r => r.Status == 200);
            var loser = Assert.Single(results, r => r.Status != 200);
            Assert.Equal(412, loser.Status);
            var winner = results.Single(r => r.Status == 200);
            var losingText = winner.Body.Contains("Writer A", StringComparison.Ordinal) ? "Writer B" : "Writer A";
            var versions = await host.AsSystemAsync(sp => sp.GetRequiredService<CmsDbContext>().ContentItems.AsNoTracking()
                .Where(r => r.ContentItemId == id).Select(r => r.Data).ToListAsync());
            Assert.DoesNotContain(versions, v => v.Contains($"{losingText}, round {round}", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_write_without_If_Match_on_an_existing_item_gets_428_and_a_stale_one_412()
    {
        await using var host = await WorkflowHost.StartAsync();
        var created = await host.PostAsync("desk-editor", "/api/content", Articles.New("Bridge repairs", "<p>Closed for a week.</p>"));
        var id = created.Json["ContentItemId"]!.GetValue<string>();
        var before = await DatabaseState.ReadAsync(host, id);

        var missing = await host.PostAsync("desk-editor", "/api/content", Articles.Edit(created.Json, body: "<p>Closed for two weeks.</p>"));
        Assert.Equal(428, missing.Status);
        Assert.Equal(428, (await host.PostAsync("desk-editor", $"/api/content/{id}/transitions/submit")).Status);
        Assert.Equal(428, (await host.SendAsync("desk-editor", HttpMethod.Delete, $"/api/content/{id}")).Status);

        var saved = await host.PostAsync("desk-editor", "/api/content", Articles.Edit(created.Json, body: "<p>Closed for two weeks.</p>"), created.ETag);
        Assert.Equal(200, saved.Status);
        var afterSave = await DatabaseState.ReadAsync(host, id);
        Assert.Equal(412, (await host.PostAsync("desk-editor", "/api/content", Articles.Edit(created.Json, body: "<p>Stale.</p>"), created.ETag)).Status);
        Assert.Equal(412, (await host.PostAsync("desk-editor", $"/api/content/{id}/transitions/submit", ifMatch: created.ETag)).Status);
        Assert.Equal(412, (await host.SendAsync("desk-editor", HttpMethod.Delete, $"/api/content/{id}", ifMatch: created.ETag)).Status);
        Assert.Equal(afterSave, await DatabaseState.ReadAsync(host, id));
        Assert.NotEqual(before, afterSave);
    }

    [Fact]
    public async Task Refused_transitions_and_writes_leave_the_database_as_it_was()
    {
        await using var host = await WorkflowHost.StartAsync();
        var created = await host.PostAsync("desk-contributor", "/api/content", Articles.New("Harbour dredging", "<p>Work starts in May.</p>"));
        var id = created.Json["ContentItemId"]!.GetValue<string>();
        var before = await DatabaseState.ReadAsync(host, id);

        // The stage does not allow it: publishing a draft under Editorial, even for an editor.
        var publishDraft = await host.PostAsync("desk-editor", $"/api/content/{id}/transitions/publish", ifMatch: created.ETag);
        Assert.Equal(409, publishDraft.Status);
        Assert.Contains("approved", publishDraft.Body, StringComparison.Ordinal);
        // The role does not allow it (checked before the stage): a contributor approving its own draft. An unknown transition.
        Assert.Equal(403, (await host.PostAsync("desk-contributor", $"/api/content/{id}/transitions/approve", ifMatch: created.ETag)).Status);
        Assert.Equal(409, (await host.PostAsync("desk-contributor", $"/api/content/{id}/transitions/launch", ifMatch: created.ETag)).Status);
        // Bad input: a field of the wrong shape names its JSON path.
        var bad = Articles.Edit(created.Json);
        bad["Article"]!["Section"] = new JsonObject { ["ContentItemIds"] = "section-economy" };
        var invalid = await host.PostAsync("desk-contributor", "/api/content", bad, created.ETag);
        Assert.Equal(400, invalid.Status);
        Assert.Contains("$.Article.Section", invalid.Body, StringComparison.Ordinal);

        Assert.Equal(before, await DatabaseState.ReadAsync(host, id));

        var submitted = await host.PostAsync("desk-contributor", $"/api/content/{id}/transitions/submit", ifMatch: created.ETag);
        var inReview = await DatabaseState.ReadAsync(host, id);
        // A contributor may not publish or approve, nor edit while the article is in review.
        Assert.Equal(403, (await host.PostAsync("desk-contributor", $"/api/content/{id}/transitions/approve", ifMatch: submitted.ETag)).Status);
        var editInReview = await host.PostAsync("desk-contributor", "/api/content", Articles.Edit(submitted.Json, body: "<p>Changed.</p>"), submitted.ETag);
        Assert.Equal(409, editInReview.Status);
        Assert.Contains("withdraw", editInReview.Body, StringComparison.Ordinal);
        Assert.Equal(inReview, await DatabaseState.ReadAsync(host, id));
    }

    [Fact]
    public async Task Owner_dates_stage_flags_and_version_ids_in_a_posted_body_are_ignored()
    {
        await using var host = await WorkflowHost.StartAsync();
        var forged = Articles.New("Forged fields", "<p>Body.</p>");
        forged["Owner"] = "desk-editor";
        forged["Author"] = "admin";
        forged["Published"] = true;
        forged["Latest"] = false;
        forged["Stage"] = "Published";
        forged["CreatedUtc"] = "2001-01-01T00:00:00Z";
        forged["PublishedUtc"] = "2001-01-01T00:00:00Z";
        forged["ContentItemVersionId"] = "forged-version";

        var created = await host.PostAsync("desk-contributor", "/api/content", forged);
        Assert.Equal(201, created.Status);
        var id = created.Json["ContentItemId"]!.GetValue<string>();
        var record = await host.AsSystemAsync(sp => sp.GetRequiredService<CmsDbContext>().ContentItems.AsNoTracking().SingleAsync(r => r.ContentItemId == id));
        Assert.Equal("desk-contributor", record.Owner);
        Assert.Equal("Contributor desk", record.Author);
        Assert.False(record.Published);
        Assert.True(record.Latest);
        Assert.Equal("Draft", record.Stage);
        Assert.NotEqual("forged-version", record.ContentItemVersionId);
        Assert.Null(record.PublishedUtc);
        Assert.True(record.CreatedUtc > new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task An_item_the_caller_may_not_see_answers_exactly_as_a_missing_one()
    {
        await using var host = await WorkflowHost.StartAsync();
        var created = await host.PostAsync("desk-contributor", "/api/content", Articles.New("Someone else's draft", "<p>Private.</p>"));
        var id = created.Json["ContentItemId"]!.GetValue<string>();

        foreach (var (method, path, body) in new (HttpMethod, string, object?)[]
        {
            (HttpMethod.Get, "", null),
            (HttpMethod.Get, "/versions", null),
            (HttpMethod.Get, "/comments", null),
            (HttpMethod.Post, "/comments", new { text = "hello" }),
            (HttpMethod.Post, "/transitions/submit", new { }),
            (HttpMethod.Delete, "", null),
        })
        {
            var hidden = await host.SendAsync("desk-contributor-2", method, $"/api/content/{id}{path}", body, created.ETag);
            var missing = await host.SendAsync("desk-contributor-2", method, $"/api/content/no-such-item{path}", body, created.ETag);
            Assert.Equal(404, hidden.Status);
            Assert.Equal(missing.Status, hidden.Status);
            Assert.Equal(Normalize(missing.Body, "no-such-item"), Normalize(hidden.Body, id));
        }

        Assert.Equal(401, (await host.GetAsync(null, $"/api/content/{id}")).Status);
    }

    [Fact]
    public async Task A_change_handler_inside_the_transaction_can_veto_a_transition_and_nothing_is_written()
    {
        await using var host = await WorkflowHost.StartAsync(services: s => s.AddScoped<IContentChangeHandler, NoApprovalOnFridaysHandler>());
        var created = await host.PostAsync("desk-contributor", "/api/content", Articles.New("Vetoed approval", "<p>Text.</p>"));
        var id = created.Json["ContentItemId"]!.GetValue<string>();
        var submitted = await host.PostAsync("desk-contributor", $"/api/content/{id}/transitions/submit", ifMatch: created.ETag);
        var before = await DatabaseState.ReadAsync(host, id);

        var vetoed = await host.PostAsync("desk-editor", $"/api/content/{id}/transitions/approve", ifMatch: submitted.ETag);

        Assert.Equal(409, vetoed.Status);
        Assert.Contains("house rule", vetoed.Body, StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseState.ReadAsync(host, id));
    }

    /// <summary>A house rule that vetoes every approval, to show the seam.</summary>
    private sealed class NoApprovalOnFridaysHandler : IContentChangeHandler
    {
        public Task OnChangingAsync(ContentChange change, CancellationToken cancellationToken) =>
            change.Transition == ContentTransitions.Approve
                ? throw new ContentTransitionException(change.Transition, change.FromStage, "A house rule refuses approvals here.")
                : Task.CompletedTask;
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_content_API()
    {
        await using var host = await WorkflowHost.StartAsync(seed: false);
        var document = await host.GetAsync(null, "/openapi/v1.json");
        Assert.Equal(200, document.Status);
        var paths = document.Json["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/content", paths);
        Assert.Contains("/api/content/{id}/transitions/{name}", paths);
        Assert.Contains("/api/content/{id}/diff", paths);
        Assert.Contains("/api/audit", paths);
    }

    private static string Normalize(string body, string id)
    {
        var json = JsonNode.Parse(body)!.AsObject();
        json.Remove("traceId");
        return json.ToJsonString().Replace(id, "{id}", StringComparison.Ordinal);
    }
}
