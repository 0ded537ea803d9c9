using System.Text.Json.Nodes;
using Cms.Data.SharedState;
using Cms.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Workflow.Tests;

/// <summary>The audit trail as a durable event list: another host's change reaches this host's caches; stage filters in GraphQL previews.</summary>
public sealed class EventListTests
{
    [Fact]
    public async Task A_change_committed_by_another_host_empties_this_hosts_GraphQL_cache()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "cms-tests", Guid.NewGuid().ToString("N"));
        await using var reader = await WorkflowHost.StartAsync(dataDirectory: dataDirectory);
        await using var writer = await WorkflowHost.StartAsync(dataDirectory: dataDirectory, seed: false);
        var listener = reader.Factory.Services.GetRequiredService<SharedStateListener>();
        await listener.CatchUpAsync(CancellationToken.None);

        const string Query = "{ article(first: 50) { contentItemId } }";
        var before = await reader.GraphQLAsync(Query);
        var (id, etag) = await SchedulerTests.ApproveAsync(writer, "Published on the other node");
        Assert.Equal(200, (await writer.PostAsync("desk-editor", $"/api/content/{id}/transitions/publish", ifMatch: etag)).Status);

        // Until the reader reads the event list, it may serve its cached answer; after, it must not (its own poll
        // may have read it already: either way the list emptied the cache).
        await listener.CatchUpAsync(CancellationToken.None);
        Assert.True(listener.Cursor > 0);
        var after = await reader.GraphQLAsync(Query);

        Assert.DoesNotContain(id, Ids(before));
        Assert.Contains(id, Ids(after));
    }

    [Fact]
    public async Task GraphQL_previews_filter_by_workflow_stage()
    {
        await using var host = await WorkflowHost.StartAsync();
        var (approvedId, _) = await SchedulerTests.ApproveAsync(host, "Waiting to be published");
        var draft = await host.PostAsync("desk-contributor", "/api/content", Articles.New("Still a draft", "<p>Draft.</p>"));
        var draftId = draft.Json["ContentItemId"]!.GetValue<string>();

        var approved = await host.GraphQLAsync("{ article(status: LATEST, where: { workflow: { stage: APPROVED } }) { contentItemId } }", "desk-editor");
        var notApproved = await host.GraphQLAsync("{ article(status: LATEST, where: { workflow: { stage_not: APPROVED } }) { contentItemId } }", "desk-editor");
        var either = await host.GraphQLAsync("{ article(status: DRAFT, where: { workflow: { stage_in: [DRAFT, APPROVED] } }) { contentItemId } }", "desk-editor");

        Assert.Equal([approvedId], Ids(approved));
        Assert.Contains(draftId, Ids(notApproved));
        Assert.DoesNotContain(approvedId, Ids(notApproved));
        Assert.Equal(new[] { approvedId, draftId }.Order(), Ids(either).Order());
    }

    private static List<string> Ids(JsonNode response)
    {
        Assert.Null(response["errors"]);
        return response["data"]!["article"]!.AsArray().Select(a => a!["contentItemId"]!.GetValue<string>()).ToList();
    }
}
