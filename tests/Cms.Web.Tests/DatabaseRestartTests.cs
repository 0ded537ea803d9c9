using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Cms.Data;
using Cms.Data.SharedState;
using Cms.Testing;
using Cms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Cms.Web.Tests.Support.TwoNodes;

namespace Cms.Web.Tests;

/// <summary>
/// PostgreSQL restarts while two nodes are under load (on a throw-away cluster of the test's own): while it is down
/// requests fail cleanly with 503 and <c>Retry-After</c>, never 500; every write that was answered as done is stored
/// exactly once and no refused one is; and both nodes recover without a restart, their listeners included.
/// </summary>
[Collection(nameof(SerialCollection))]
public sealed class DatabaseRestartTests
{
    [SkippableFact]
    public async Task Both_nodes_answer_503_while_the_database_is_down_lose_nothing_and_recover_without_a_restart()
    {
        await using var cluster = await ThrowAwayCluster.StartAsync();
        await using (var admin = new NpgsqlConnection(cluster.ServerConnectionString + ";Database=postgres"))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE cms", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = cluster.ServerConnectionString + ";Database=cms";
        await using var nodes = await StartAsync(connectionString, node => node.WithSetting("Cms:GraphQL:EnableResponseCache", "false"));
        var a = nodes.A.CreateClient();
        var b = nodes.B.CreateClient();
        var token = await new ClientCredentials(a).TokenAsync(DeskClient);
        a.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var written = new ConcurrentBag<string>();
        var statuses = new ConcurrentBag<(string Node, HttpStatusCode Status, string? RetryAfter)>();
        using var stop = new CancellationTokenSource();
        var load = Task.WhenAll(WriteLoopAsync(a, written, statuses, stop.Token), ReadLoopAsync(b, statuses, stop.Token));

        await TimeUntilAsync(() => Task.FromResult(statuses.Any(s => s.Node == "A") && statuses.Any(s => s.Node == "B")));
        var listener = nodes.B.Services.GetRequiredService<SharedStateListener>();
        var connections = listener.Connections;
        await cluster.StopServerAsync();

        // Down until each node has answered a request with 503, however slowly a busy machine runs the loops.
        await TimeUntilAsync(
            () => Task.FromResult(new[] { "A", "B" }.All(node => statuses.Any(s => s.Node == node && s.Status == HttpStatusCode.ServiceUnavailable))),
            () => string.Join(", ", statuses.Select(s => $"{s.Node} {(int)s.Status}")),
            TimeSpan.FromSeconds(30));
        await cluster.StartServerAsync();

        // Both nodes answer again, without a restart.
        await TimeUntilAsync(async () => (await QueryAsync(b, "{ section(first: 1) { contentItemId } }")).TryGetProperty("data", out _));
        await TimeUntilAsync(async () => (await a.PostAsJsonAsync("/api/content", Section("After the restart"))).StatusCode == HttpStatusCode.Created);
        await stop.CancelAsync();
        await load;

        Assert.Contains(statuses, s => s.Node == "A" && s.Status == HttpStatusCode.ServiceUnavailable && s.RetryAfter is not null);
        Assert.Contains(statuses, s => s.Node == "B" && s.Status == HttpStatusCode.ServiceUnavailable && s.RetryAfter is not null);
        Assert.All(statuses, s => Assert.True(s.Status is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable, $"{s.Node} answered {(int)s.Status}."));

        // Every write answered 201 is stored once; none answered 503 is.
        await using var scope = nodes.B.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<CmsDbContext>().ContentItems.AsNoTracking()
            .Where(i => i.DisplayText!.StartsWith("Load ")).Select(i => i.DisplayText!).ToListAsync();
        Assert.Equal(written.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));

        // B's listener reconnects after its back-off (doubling from 0.25 s while the server was down, at most 30 s), and
        // then a change on A reaches B's caches again.
        await TimeUntilAsync(() => Task.FromResult(listener.Connections > connections && listener.ListenerProcessId != 0), timeout: TimeSpan.FromSeconds(40));
        await RunRecipeAsync(nodes.A, """
            { "name": "after", "steps": [ { "name": "Content", "Data": [ { "ContentItemId": "sec-after", "ContentType": "Section", "Published": true, "TitlePart": { "Title": "Back again" } } ] } ] }
            """);
        var last = "";
        await TimeUntilAsync(async () => (last = (await QueryAsync(b, "{ section(first: 50) { displayText } }")).ToString()).Contains("Back again", StringComparison.Ordinal),
            () => last + "\n" + cluster.LogTail() + "\n" + LogFiles.ReadAll(nodes.B.DataDirectory).Split('\n').LastOrDefault(l => l.Contains("unavailable", StringComparison.Ordinal)));
    }

    private static async Task WriteLoopAsync(HttpClient a, ConcurrentBag<string> written, ConcurrentBag<(string, HttpStatusCode, string?)> statuses, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var title = $"Load {i:D4}";
            using var response = await a.PostAsJsonAsync("/api/content", Section(title), CancellationToken.None);
            statuses.Add(("A", response.StatusCode, response.Headers.RetryAfter?.ToString()));
            if (response.StatusCode == HttpStatusCode.Created)
            {
                written.Add(title);
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }

    private static async Task ReadLoopAsync(HttpClient b, ConcurrentBag<(string, HttpStatusCode, string?)> statuses, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            using var response = await b.PostAsJsonAsync("/api/graphql", new { query = "{ section(first: 5) { contentItemId displayText } }" }, CancellationToken.None);
            statuses.Add(("B", response.StatusCode, response.Headers.RetryAfter?.ToString()));
            await Task.Delay(50, CancellationToken.None);
        }
    }

    private static object Section(string title) => new { ContentType = "Section", TitlePart = new { Title = title } };
}
