using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Cms.Core.Content;
using Cms.Data;
using Cms.Data.Entities;
using Cms.Recipes;
using Cms.Testing;
using Cms.Workflow.Scheduling;
using Cms.Workflow.Tests.Support;
using Cms.Workflow.Webhooks;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Workflow.Tests;

/// <summary>
/// Webhooks end to end: endpoints registered through the API, deliveries written with the content change, sent signed to
/// a real receiver, retried, refused where they must not go, and sent exactly once by several hosts on one database.
/// </summary>
public sealed class WebhookTests
{
    private const string Admin = "hooks-admin";

    [Fact]
    public async Task A_published_article_reaches_a_subscribed_endpoint_signed_with_its_secret_and_carrying_no_user_data()
    {
        await using var receiver = await WebhookReceiver.StartAsync(5171);
        await using var host = await StartAsync();
        var (endpointId, secret) = await RegisterAsync(host, receiver.Url(), ["published"], ["Article"]);

        var id = await PublishAsync(host, "Signed story");
        Assert.Equal(1, await DeliverAsync(host));

        var request = Assert.Single(receiver.Arrived);
        Assert.StartsWith("msg_", request.Id);
        Assert.Equal(IndependentSignature(secret, request.Id!, request.Timestamp!, request.Body), request.Signature);
        Assert.InRange(long.Parse(request.Timestamp!, System.Globalization.CultureInfo.InvariantCulture), host.Clock.GetUtcNow().ToUnixTimeSeconds() - 5, host.Clock.GetUtcNow().ToUnixTimeSeconds() + 5);

        var body = JsonNode.Parse(request.Body)!.AsObject();
        Assert.Equal(["id", "type", "timestamp", "data"], body.Select(p => p.Key));
        Assert.Equal("content.published", body["type"]!.GetValue<string>());
        Assert.StartsWith("evt_", body["id"]!.GetValue<string>());
        var data = body["data"]!.AsObject();
        Assert.Equal(["contentType", "contentItemId", "contentItemVersionId", "path"], data.Select(p => p.Key));
        Assert.Equal("Article", data["contentType"]!.GetValue<string>());
        Assert.Equal(id, data["contentItemId"]!.GetValue<string>());
        var live = await host.GetAsync("desk-editor", $"/api/content/{id}?version=published");
        Assert.Equal(live.ETag, data["contentItemVersionId"]!.GetValue<string>());
        Assert.Contains("signed-story", data["path"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("desk-", request.Body, StringComparison.Ordinal);

        // The log shows it; the secret is stored encrypted, never as given.
        var log = await host.GetAsync(Admin, $"/api/webhooks/{endpointId}/deliveries");
        Assert.Equal(200, log.Status);
        var line = Assert.Single(log.Json["items"]!.AsArray());
        Assert.Equal("Succeeded", line!["status"]!.GetValue<string>());
        Assert.Equal(1, line["attempts"]!.GetValue<int>());
        Assert.Equal(200, line["lastStatusCode"]!.GetValue<int>());
        Assert.Equal("thanks", line["responseExcerpt"]!.GetValue<string>());
        var stored = await host.AsSystemAsync(sp => sp.GetRequiredService<CmsDbContext>().WebhookEndpoints.AsNoTracking().SingleAsync());
        Assert.DoesNotContain(secret[WebhookSignature.SecretPrefix.Length..], stored.ProtectedSecret, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", (await host.GetAsync(Admin, $"/api/webhooks/{endpointId}")).Body, StringComparison.OrdinalIgnoreCase);

        // "Redeliver" in the admin's delivery log sends it again, under the same webhook-id.
        await DeskUsers.CreateAsync(host, "hooks-owner", "Administrator");
        using (var admin = await AdminBrowser.SignInAsync(host, "hooks-owner"))
        {
            var logPage = $"/admin/webhooks/{endpointId}/deliveries";
            var (pageStatus, html) = await admin.GetAsync(logPage);
            Assert.Equal(HttpStatusCode.OK, pageStatus);
            Assert.Contains(request.Id!, html, StringComparison.Ordinal);
            var redeliver = await admin.PostFormAsync(logPage, $"{logPage}?handler=Redeliver&deliveryId={line["id"]!.GetValue<long>()}", []);
            Assert.Equal(HttpStatusCode.Redirect, redeliver.StatusCode);
        }

        Assert.Equal(1, await DeliverAsync(host));
        Assert.Equal(2, receiver.Accepted.Count);
        Assert.Equal(request.Id, receiver.Accepted[1].Id);

        // Unsubscribed events (unpublish) and other types send nothing.
        var unpublished = await host.PostAsync("desk-editor", $"/api/content/{id}/transitions/unpublish", ifMatch: live.ETag);
        Assert.Equal(200, unpublished.Status);
        Assert.Equal(0, await DeliverAsync(host));
        Assert.Equal(2, receiver.Arrived.Count);
    }

    [Fact]
    public async Task A_deleted_item_of_a_subscribed_type_is_announced_and_other_types_are_not()
    {
        await using var receiver = await WebhookReceiver.StartAsync(5179);
        await using var host = await StartAsync();
        await RegisterAsync(host, receiver.Url(), ["deleted"], ["Article"]);

        var id = await PublishAsync(host, "Deleted story");
        var live = await host.GetAsync("desk-editor", $"/api/content/{id}");
        var deleted = await host.SendAsync("desk-editor", HttpMethod.Delete, $"/api/content/{id}", ifMatch: live.ETag);
        Assert.True(deleted.Status is 200 or 204, deleted.ToString());
        Assert.Equal(1, await DeliverAsync(host));

        var body = JsonNode.Parse(Assert.Single(receiver.Arrived).Body)!;
        Assert.Equal("content.deleted", body["type"]!.GetValue<string>());
        Assert.Equal(id, body["data"]!["contentItemId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failing_endpoint_is_retried_with_growing_delays_under_the_same_webhook_id_then_redelivered_on_demand()
    {
        await using var receiver = await WebhookReceiver.StartAsync(5172);
        receiver.Respond = n => n < 2 ? 500 : 200;
        await using var host = await StartAsync();
        var (endpointId, secret) = await RegisterAsync(host, receiver.Url(), ["published", "unpublished"], []);
        await PublishAsync(host, "Retried story");

        Assert.Equal(0, await DeliverAsync(host));
        var first = await SingleDeliveryAsync(host);
        Assert.Equal((WebhookDeliveryStatus.Pending, 1, 500), (first.Status, first.Attempts, first.LastStatusCode));
        Assert.Equal(WebhookDispatcher.ExcerptLength, first.ResponseExcerpt!.Length);
        var now = host.Clock.GetUtcNow().UtcDateTime;
        Assert.InRange(first.NextAttemptUtc, now.AddSeconds(5), now.AddSeconds(10));

        // Not before its time.
        Assert.Equal(0, await DeliverAsync(host));
        Assert.Single(receiver.Arrived);

        host.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(0, await DeliverAsync(host));
        var second = await SingleDeliveryAsync(host);
        now = host.Clock.GetUtcNow().UtcDateTime;
        Assert.InRange(second.NextAttemptUtc, now.AddSeconds(10), now.AddSeconds(20));

        host.Advance(TimeSpan.FromSeconds(21));
        Assert.Equal(1, await DeliverAsync(host));
        var done = await SingleDeliveryAsync(host);
        Assert.Equal((WebhookDeliveryStatus.Succeeded, 3, 200), (done.Status, done.Attempts, done.LastStatusCode));

        var redelivered = await host.PostAsync(Admin, $"/api/webhooks/{endpointId}/deliveries/{done.Id}/redeliver");
        Assert.Equal(200, redelivered.Status);
        Assert.Equal("Pending", redelivered.Json["status"]!.GetValue<string>());
        Assert.Equal(1, await DeliverAsync(host));

        Assert.Equal(4, receiver.Arrived.Count);
        Assert.All(receiver.Arrived, r => Assert.Equal(done.MessageId, r.Id));
        Assert.All(receiver.Arrived, r => Assert.Equal(receiver.Arrived[0].Body, r.Body));
        Assert.All(receiver.Arrived, r => Assert.Equal(IndependentSignature(secret, r.Id!, r.Timestamp!, r.Body), r.Signature));
        Assert.Equal(404, (await host.PostAsync(Admin, $"/api/webhooks/{endpointId}/deliveries/{done.Id + 1000}/redeliver")).Status);
    }

    [Fact]
    public async Task A_delivery_that_keeps_failing_is_marked_failed_after_its_retry_window()
    {
        await using var receiver = await WebhookReceiver.StartAsync(5173);
        receiver.Respond = _ => 503;
        await using var host = await StartAsync();
        await RegisterAsync(host, receiver.Url(), ["published"], []);
        await PublishAsync(host, "Doomed story");

        Assert.Equal(0, await DeliverAsync(host));
        for (var i = 0; i < 40 && (await SingleDeliveryAsync(host)).Status == WebhookDeliveryStatus.Pending; i++)
        {
            host.Advance(TimeSpan.FromHours(1));
            await DeliverAsync(host);
        }

        var failed = await SingleDeliveryAsync(host);
        Assert.Equal(WebhookDeliveryStatus.Failed, failed.Status);
        Assert.InRange(failed.CompletedUtc!.Value, failed.CreatedUtc.AddHours(20), failed.CreatedUtc.AddHours(25));
        Assert.InRange(failed.Attempts, 10, 25);
        var attempts = receiver.Arrived.Count;
        host.Advance(TimeSpan.FromHours(5));
        await DeliverAsync(host);
        Assert.Equal(attempts, receiver.Arrived.Count);
    }

    [Fact]
    public async Task Redirects_are_not_followed()
    {
        await using var receiver = await WebhookReceiver.StartAsync(5174);
        receiver.Respond = _ => 307;
        await using var host = await StartAsync();
        await RegisterAsync(host, receiver.Url(), ["published"], []);
        await PublishAsync(host, "Redirected story");

        Assert.Equal(0, await DeliverAsync(host));
        var request = Assert.Single(receiver.Arrived);
        Assert.Equal("/hook", request.Path);
        var delivery = await SingleDeliveryAsync(host);
        Assert.Equal((WebhookDeliveryStatus.Pending, 307), (delivery.Status, delivery.LastStatusCode));
        Assert.Contains("redirects are not followed", delivery.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Private_and_loopback_targets_are_refused_when_registered_and_when_sent()
    {
        await using var receiver = await WebhookReceiver.StartAsync(5175);
        await using var host = await StartAsync(allowPrivate: false);

        foreach (var url in new[] { receiver.Url(), "http://localhost:5175/hook", "http://10.1.2.3/hook", "http://[::1]/hook", "http://169.254.169.254/latest", "http://[::ffff:192.168.1.1]/", "ftp://example.com/hook", "http://user:pw@example.com/" })
        {
            var refused = await host.PostAsync(Admin, "/api/webhooks", new { url, events = new[] { "published" } });
            Assert.True(refused.Status == 400, $"{url}: {refused}");
            Assert.Equal("$.url", refused.Json["errors"]![0]!["path"]!.GetValue<string>());
        }

        var badEvent = await host.PostAsync(Admin, "/api/webhooks", new { url = "https://93.184.215.14/hook", events = new[] { "saved" }, contentTypes = new[] { "Nope" } });
        Assert.Equal(400, badEvent.Status);
        Assert.Contains("'saved' is not an event", badEvent.Body, StringComparison.Ordinal);
        Assert.Contains("'Nope' is not a content type", badEvent.Body, StringComparison.Ordinal);
        Assert.Empty((await host.GetAsync(Admin, "/api/webhooks")).Json.AsArray());

        // A name that pointed elsewhere when it was saved and now resolves to a private address (DNS rebinding) is refused when sent.
        await host.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<CmsDbContext>();
            db.WebhookEndpoints.Add(new WebhookEndpointRecord
            {
                Id = "rebound",
                Url = "http://localhost:5175/hook",
                Events = "published",
                Enabled = true,
                ProtectedSecret = sp.GetRequiredService<WebhookSecretProtector>().Protect(WebhookSignature.NewSecret()),
                CreatedUtc = DateTime.UtcNow,
                ModifiedUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        });
        await PublishAsync(host, "Rebound story");
        Assert.Equal(0, await DeliverAsync(host));
        Assert.Empty(receiver.Arrived);
        var delivery = await SingleDeliveryAsync(host);
        Assert.StartsWith("Refused: the host 'localhost' resolves to", delivery.LastError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("93.184.215.14", true)]
    [InlineData("2606:2800:21f:cb07:6820:80da:af6b:8b2c", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.0.0.1", false)]
    [InlineData("172.16.5.4", false)]
    [InlineData("192.168.0.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("::", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("64:ff9b::a00:1", false)]
    [InlineData("2002:c0a8:0101::1", false)]
    [InlineData("2001:db8::1", false)]
    public void Only_public_addresses_are_public(string address, bool expected) =>
        Assert.Equal(expected, WebhookTargetGuard.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public async Task Only_holders_of_ManageWebhooks_manage_webhooks_through_the_API_the_admin_or_the_service()
    {
        await using var host = await StartAsync();
        Assert.Equal(403, (await host.GetAsync("desk-editor", "/api/webhooks")).Status);
        Assert.Equal(403, (await host.PostAsync("desk-editor", "/api/webhooks", new { url = "http://127.0.0.1:5176/hook", events = new[] { "published" } })).Status);
        Assert.Equal(401, (await host.GetAsync(null, "/api/webhooks")).Status);

        await DeskUsers.CreateAsync(host, "hooks-editor", "Editor");
        await Assert.ThrowsAsync<ContentAccessDeniedException>(() => DeskUsers.AsUserAsync(host, "hooks-editor",
            sp => sp.GetRequiredService<WebhookService>().CreateAsync(new WebhookEndpointInput { Url = "http://127.0.0.1:5176/hook", Events = ["published"] })));
        using var editor = await AdminBrowser.SignInAsync(host, "hooks-editor");
        var (status, _) = await editor.GetAsync("/admin/webhooks");
        Assert.True(status is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"The admin's webhook page answered {(int)status} to an editor.");
        Assert.Empty(await host.AsSystemAsync(sp => sp.GetRequiredService<CmsDbContext>().WebhookEndpoints.AsNoTracking().ToListAsync()));

        // An administrator manages them in the admin: the secret is shown once, on creation.
        await DeskUsers.CreateAsync(host, "hooks-boss", "Administrator");
        using var boss = await AdminBrowser.SignInAsync(host, "hooks-boss");
        var created = await boss.PostFormAsync("/admin/webhooks/create", "/admin/webhooks/create",
            [new("Input.Url", "http://127.0.0.1:5176/hook"), new("Input.Events", "published"), new("Input.Events", "deleted"), new("Input.Enabled", "true")]);
        var html = WebUtility.HtmlDecode(await created.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var endpoint = await host.AsSystemAsync(sp => sp.GetRequiredService<CmsDbContext>().WebhookEndpoints.AsNoTracking().SingleAsync());
        Assert.Equal("published,deleted", endpoint.Events);
        var secret = host.Factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Cms.Webhooks.EndpointSecret.v1").Unprotect(endpoint.ProtectedSecret);
        Assert.Contains(secret, html, StringComparison.Ordinal);
        var (listStatus, list) = await boss.GetAsync("/admin/webhooks");
        Assert.Equal(HttpStatusCode.OK, listStatus);
        Assert.Contains("127.0.0.1:5176/hook", list, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, WebUtility.HtmlDecode(list), StringComparison.Ordinal);
        var (logStatus, _) = await boss.GetAsync($"/admin/webhooks/{endpoint.Id}/deliveries");
        Assert.Equal(HttpStatusCode.OK, logStatus);

        // The edit form goes through the same input and checks as the API: with every event unchecked it is refused
        // beside the field, and the endpoint keeps its events.
        var edit = $"/admin/webhooks/{endpoint.Id}/edit";
        var refused = await boss.PostFormAsync(edit, edit, [new("Input.Url", "http://127.0.0.1:5176/hook"), new("Input.Enabled", "true")]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("choose at least one of", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("published,deleted", (await host.AsSystemAsync(sp => sp.GetRequiredService<CmsDbContext>().WebhookEndpoints.AsNoTracking().SingleAsync())).Events);
    }

    [Fact]
    public async Task A_claim_whose_host_died_is_delivered_by_another_after_its_lease_and_only_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync(5176);
        await using var host = await StartAsync();
        await RegisterAsync(host, receiver.Url(), ["published"], []);
        await PublishAsync(host, "Orphaned story");

        // A host claimed the delivery and died before finishing.
        await host.AsSystemAsync(sp => sp.GetRequiredService<CmsDbContext>().WebhookDeliveries.ExecuteUpdateAsync(set => set
            .SetProperty(d => d.ClaimToken, "dead-host:1")
            .SetProperty(d => d.ClaimedUntilUtc, host.Clock.GetUtcNow().UtcDateTime.AddMinutes(1))
            .SetProperty(d => d.Attempts, 1)));
        Assert.Equal(0, await DeliverAsync(host));
        Assert.Empty(receiver.Arrived);

        host.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await DeliverAsync(host));
        Assert.Equal(0, await DeliverAsync(host));
        Assert.Single(receiver.Accepted);
        var delivery = await SingleDeliveryAsync(host);
        Assert.Equal((WebhookDeliveryStatus.Succeeded, 2), (delivery.Status, delivery.Attempts));
    }

    [SkippableFact]
    public async Task Two_hosts_on_one_PostgreSQL_run_a_due_scheduled_publish_and_send_each_webhook_exactly_once()
    {
        TestEnvironment.RequirePostgres();
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var receiver = await WebhookReceiver.StartAsync(5177);
        var keys = SharedKeys();
        await using var a = await StartNodeAsync(database.ConnectionString, keys, seed: true);
        await using var b = await StartNodeAsync(database.ConnectionString, keys, seed: false);
        await RegisterAsync(a, receiver.Url(), ["published"], []);

        var (scheduledId, etag) = await SchedulerTests.ApproveAsync(a, "Due on both nodes");
        Assert.Equal(200, (await a.PostAsync("desk-editor", $"/api/content/{scheduledId}/transitions/publish", new { publishAt = DateTimeOffset.UtcNow.AddSeconds(2) }, etag)).Status);
        var published = new List<string> { scheduledId };
        for (var i = 0; i < 4; i++)
        {
            published.Add(await PublishAsync(i % 2 == 0 ? a : b, $"Published on a node {i}"));
        }

        await WaitAsync(() => receiver.Accepted.Count >= published.Count, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.Equal(published.Count, receiver.Arrived.Count);
        Assert.Equal(published.Count, receiver.Accepted.Select(r => r.Id).Distinct().Count());
        Assert.Equal(published.Order(), receiver.Accepted.Select(r => JsonNode.Parse(r.Body)!["data"]!["contentItemId"]!.GetValue<string>()).Order());
        var publishes = await a.AsSystemAsync(sp => sp.GetRequiredService<CmsDbContext>().AuditEvents.AsNoTracking()
            .CountAsync(e => e.Kind == "content.publish" && e.TargetId == scheduledId));
        Assert.Equal(1, publishes);
        var schedule = await a.AsSystemAsync(sp => sp.GetRequiredService<CmsDbContext>().ContentSchedules.AsNoTracking().SingleAsync(s => s.ContentItemId == scheduledId));
        Assert.Equal(ScheduleStatus.Done, schedule.Status);
    }

    [SkippableFact]
    public async Task A_host_stopped_mid_delivery_leaves_it_to_the_other_host_which_delivers_it_once()
    {
        TestEnvironment.RequirePostgres();
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var receiver = await WebhookReceiver.StartAsync(5178);
        receiver.Respond = n => n == 0 ? -1 : 200;
        var keys = SharedKeys();
        var a = await StartNodeAsync(database.ConnectionString, keys, seed: true);
        var b = await StartNodeAsync(database.ConnectionString, keys, seed: false);
        try
        {
            await RegisterAsync(a, receiver.Url(), ["published"], []);
            await PublishAsync(a, "Interrupted story");
            await receiver.HeldOpen.Task.WaitAsync(TimeSpan.FromSeconds(30));

            // Stop whichever host holds the claim, mid-request; the other takes over when the lease runs out.
            var token = await a.AsSystemAsync(sp => sp.GetRequiredService<CmsDbContext>().WebhookDeliveries.AsNoTracking().Select(d => d.ClaimToken).SingleAsync());
            var holder = token!.StartsWith(a.Factory.Services.GetRequiredService<AuditOrigin>().Id, StringComparison.Ordinal) ? a : b;
            var survivor = holder == a ? b : a;
            await holder.DisposeAsync();

            await WaitAsync(() => receiver.Accepted.Count >= 1, TimeSpan.FromSeconds(30));
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            Assert.Equal(2, receiver.Arrived.Count);
            Assert.Equal(receiver.Arrived[0].Id, receiver.Arrived[1].Id);
            Assert.Single(receiver.Accepted);
            var delivery = await survivor.AsSystemAsync(sp => sp.GetRequiredService<CmsDbContext>().WebhookDeliveries.AsNoTracking().SingleAsync());
            Assert.Equal((WebhookDeliveryStatus.Succeeded, 2), (delivery.Status, delivery.Attempts));
        }
        finally
        {
            await a.DisposeAsync();
            await b.DisposeAsync();
        }
    }

    internal static string IndependentSignature(string secret, string id, string timestamp, string body)
    {
        using var hmac = new HMACSHA256(Convert.FromBase64String(secret["whsec_".Length..]));
        return "v1," + Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(id + "." + timestamp + "." + body)));
    }

    private static async Task<WorkflowHost> StartAsync(bool allowPrivate = true)
    {
        var host = await WorkflowHost.StartAsync(configure: f => f
            .WithSetting("Cms:Webhooks:Enabled", "false")
            .WithSetting("Cms:Webhooks:RetryDelay", "00:00:10")
            .WithSetting("Cms:Webhooks:AllowPrivateTargets", allowPrivate ? "true" : "false"));
        await SeedAdminAsync(host);
        return host;
    }

    /// <summary>A node as in production: real clock, the scheduler and the webhook sender running in the background, quickly.</summary>
    private static async Task<WorkflowHost> StartNodeAsync(string postgres, string keys, bool seed)
    {
        var host = await WorkflowHost.StartAsync(postgres, seed: seed, configure: f => f
            .WithSetting("Cms:Workflow:Enabled", "true")
            .WithSetting("Cms:Workflow:PollInterval", "00:00:00.200")
            .WithSetting("Cms:Webhooks:PollInterval", "00:00:00.200")
            .WithSetting("Cms:Webhooks:Timeout", "00:00:03")
            .WithSetting("Cms:Webhooks:ClaimLease", "00:00:04")
            .WithSetting("Cms:Webhooks:AllowPrivateTargets", "true")
            .WithServices(s =>
            {
                s.AddSingleton(TimeProvider.System);
                s.AddDataProtection().SetApplicationName("NewsroomCms").PersistKeysToFileSystem(new DirectoryInfo(keys));
            }));
        if (seed)
        {
            await SeedAdminAsync(host);
        }

        return host;
    }

    // Each node keeps its data-protection keys in its own folder; nodes that share a database share the key ring.
    private static string SharedKeys() => Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "cms-tests", "keys-" + Guid.NewGuid().ToString("N"))).FullName;

    private static async Task SeedAdminAsync(WorkflowHost host) => await host.AsSystemAsync(sp => sp.GetRequiredService<RecipeExecutor>()
        .ExecuteFileAsync(Path.Combine(AppContext.BaseDirectory, "Recipes", "webhook-admin.recipe.json"), new RecipeParameters()));

    private static async Task<(string Id, string Secret)> RegisterAsync(WorkflowHost host, string url, string[] events, string[] types)
    {
        var created = await host.PostAsync(Admin, "/api/webhooks", new { url, events, contentTypes = types });
        Assert.True(created.Status == 201, created.ToString());
        var secret = created.Json["secret"]!.GetValue<string>();
        Assert.StartsWith("whsec_", secret);
        return (created.Json["endpoint"]!["id"]!.GetValue<string>(), secret);
    }

    private static async Task<string> PublishAsync(WorkflowHost host, string title)
    {
        var (id, etag) = await SchedulerTests.ApproveAsync(host, title);
        var published = await host.PostAsync("desk-editor", $"/api/content/{id}/transitions/publish", ifMatch: etag);
        Assert.Equal(200, published.Status);
        return id;
    }

    private static Task<int> DeliverAsync(WorkflowHost host) =>
        host.AsSystemAsync(sp => sp.GetRequiredService<WebhookDispatcher>().DeliverDueAsync());

    private static Task<WebhookDeliveryRecord> SingleDeliveryAsync(WorkflowHost host) =>
        host.AsSystemAsync(sp => sp.GetRequiredService<CmsDbContext>().WebhookDeliveries.AsNoTracking().SingleAsync());

    private static async Task WaitAsync(Func<bool> condition, TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, $"Not reached within {limit}.");
            await Task.Delay(100);
        }
    }
}
