using Cms.Core.Metadata;
using Cms.Data;
using Cms.Data.SharedState;
using Cms.Security.Keys;
using Cms.Testing;
using Cms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Cms.Web.Tests.Support.TwoNodes;

namespace Cms.Web.Tests;

/// <summary>
/// Two nodes on one PostgreSQL database behave as one CMS: what one commits reaches the other's caches within a second
/// (a notification wakes it, the event list says what changed), they share their keys (a token or a cookie of one
/// works on the other), and a node whose listener connection is cut catches up from the event list.
/// </summary>
public sealed class TwoNodeTests
{
    private const string Sections = "{ section(first: 50) { contentItemId displayText } }";

    [SkippableFact]
    public async Task Publishing_revoking_and_a_definition_change_on_A_reach_B_within_a_second()
    {
        await using var nodes = await StartAsync();
        var b = nodes.B.CreateClient();

        // B has the anonymous answer cached before A publishes.
        var before = await QueryAsync(b, Sections);
        Assert.DoesNotContain("Election night", before.ToString(), StringComparison.Ordinal);
        Assert.Equal(before.ToString(), (await QueryAsync(b, Sections)).ToString());

        await RunRecipeAsync(nodes.A, Publish("sec-election", "Election night"));
        var published = await TimeUntilAsync(async () => (await QueryAsync(b, Sections)).ToString().Contains("Election night", StringComparison.Ordinal));
        Assert.True(published < TimeSpan.FromSeconds(1), $"B showed the article {published.TotalMilliseconds:0} ms after A published it.");

        await RunRecipeAsync(nodes.A, """
            { "name": "revoke", "steps": [ { "name": "Roles", "Roles": [ { "Name": "Anonymous", "Permissions": ["View_Section"], "PermissionBehavior": "Remove" } ] } ] }
            """);
        var revoked = await TimeUntilAsync(async () => (await QueryAsync(b, Sections)).ToString().Contains("ACCESS_DENIED", StringComparison.Ordinal));
        Assert.True(revoked < TimeSpan.FromSeconds(1), $"B refused {revoked.TotalMilliseconds:0} ms after A revoked the permission.");

        // A new content type defined on A: B validates items of it with the new definition.
        await using (var scope = nodes.B.Services.CreateAsyncScope())
        {
            Assert.Null(await scope.ServiceProvider.GetRequiredService<IContentDefinitionManager>().GetTypeAsync("Brief"));
        }

        await RunRecipeAsync(nodes.A, """
            { "name": "brief", "steps": [ { "name": "ContentDefinition", "ContentTypes": [ { "Name": "Brief", "DisplayName": "Brief",
              "Settings": { "ContentTypeSettings": { "Creatable": true, "Listable": true, "Draftable": true, "Versionable": true } },
              "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" } ] } ] } ] }
            """);
        var defined = await TimeUntilAsync(async () =>
        {
            await using var scope = nodes.B.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IContentDefinitionManager>().GetTypeAsync("Brief") is not null;
        });
        Assert.True(defined < TimeSpan.FromSeconds(1), $"B knew the new type {defined.TotalMilliseconds:0} ms after A defined it.");
        await RunRecipeAsync(nodes.B, Publish("brief-1", "First brief", "Brief"));
    }

    [SkippableFact]
    public async Task A_token_and_a_cookie_from_A_are_accepted_by_B_and_both_use_one_key_set()
    {
        await using var nodes = await StartAsync();
        var token = await new ClientCredentials(nodes.A.CreateClient()).TokenAsync(DeskClient);
        await AssertAcceptsTokenAsync(nodes.B, token);

        var session = await SignInAsync(nodes.A);
        await AssertAcceptsCookieAsync(nodes.B, session);

        // A form of B posted with the antiforgery pair B handed out, read and checked the same way on A.
        var apiToken = await session.CopyAuthCookie(nodes.B).ApiTokenAsync();
        Assert.NotEmpty(apiToken);

        await using var scope = nodes.A.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
        Assert.Equal(2, await db.OpenIdKeys.CountAsync());
        Assert.DoesNotContain("BEGIN", (await db.OpenIdKeys.FirstAsync()).Data, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Two_nodes_creating_the_keys_at_the_same_time_end_with_one_key_set()
    {
        await using var nodes = await StartAsync();
        await using (var scope = nodes.A.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            await db.DataProtectionKeys.ExecuteDeleteAsync();
            await db.OpenIdKeys.ExecuteDeleteAsync();
        }

        var a = nodes.A.Services.GetRequiredService<SharedKeys>();
        var b = nodes.B.Services.GetRequiredService<SharedKeys>();
        // As at a first start: both nodes create what is missing at the same time (loading is not part of the race).
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => (i % 2 == 0 ? a : b).EnsureStoredAsync())));

        await using var check = nodes.B.Services.CreateAsyncScope();
        var keys = check.ServiceProvider.GetRequiredService<CmsDbContext>();
        Assert.Equal(1, await keys.DataProtectionKeys.CountAsync());
        Assert.Equal(["encryption:1", "signing:1"], await keys.OpenIdKeys.OrderBy(k => k.Purpose).Select(k => k.Purpose + ":" + k.Generation).ToListAsync());
    }

    [SkippableFact]
    public async Task B_catches_up_from_the_event_list_after_its_listener_connection_is_killed()
    {
        await using var nodes = await StartAsync();
        var b = nodes.B.CreateClient();
        var listener = nodes.B.Services.GetRequiredService<SharedStateListener>();
        await TimeUntilAsync(() => Task.FromResult(listener.ListenerProcessId != 0));
        Assert.DoesNotContain("While B was deaf", (await QueryAsync(b, Sections)).ToString(), StringComparison.Ordinal);

        // Cut B's LISTEN connection and publish on A before B reconnects: B never gets that notification.
        var killed = listener.ListenerProcessId;
        var connections = listener.Connections;
        await using (var admin = new NpgsqlConnection(nodes.ConnectionString))
        {
            await admin.OpenAsync();
            await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(@pid)", admin);
            terminate.Parameters.AddWithValue("pid", killed);
            Assert.Equal(true, await terminate.ExecuteScalarAsync());
        }

        await RunRecipeAsync(nodes.A, Publish("sec-deaf", "While B was deaf"));

        await TimeUntilAsync(async () => (await QueryAsync(b, Sections)).ToString().Contains("While B was deaf", StringComparison.Ordinal));
        Assert.True(listener.Connections > connections);
        Assert.NotEqual(killed, listener.ListenerProcessId);
    }

    private static string Publish(string id, string title, string type = "Section") => $$"""
        { "name": "publish", "steps": [ { "name": "Content", "Data": [ {
          "ContentItemId": "{{id}}", "ContentType": "{{type}}", "Published": true, "TitlePart": { "Title": "{{title}}" } } ] } ] }
        """;
}
