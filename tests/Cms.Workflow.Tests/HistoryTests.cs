using Cms.Data;
using Cms.Data.Entities;
using Cms.Workflow.Audit;
using Cms.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Workflow.Tests;

/// <summary>History: versions with who, when and stage; diffs of pickers as added and removed; restoring an old version; audit retention.</summary>
public sealed class HistoryTests
{
    [Fact]
    public async Task An_old_version_is_restored_as_a_new_draft_and_the_diff_names_added_and_removed_references()
    {
        await using var host = await WorkflowHost.StartAsync();
        var created = await host.PostAsync("desk-editor", "/api/content", Articles.New("Budget vote", "<p>The first text.</p>"));
        var id = created.Json["ContentItemId"]!.GetValue<string>();
        var firstVersion = created.ETag!;

        var edit = Articles.Edit(created.Json, body: "<p>The second text.</p>");
        edit["Article"]!["Section"] = new System.Text.Json.Nodes.JsonObject { ["ContentItemIds"] = new System.Text.Json.Nodes.JsonArray("section-economy") };
        edit["Article"]!["Tags"] = new System.Text.Json.Nodes.JsonObject { ["Tags"] = new System.Text.Json.Nodes.JsonArray("budget", "parliament") };
        var second = await host.PostAsync("desk-editor", "/api/content", edit, created.ETag);
        Assert.Equal(200, second.Status);

        var diff = await host.GetAsync("desk-editor", $"/api/content/{id}/diff?from={firstVersion}&to={second.ETag}");
        var tags = diff.Json["fields"]!.AsArray().Single(f => f!["path"]!.GetValue<string>() == "Article.Tags")!;
        Assert.Equal("list", tags["kind"]!.GetValue<string>());
        Assert.Equal(["budget", "parliament"], tags["added"]!.AsArray().Select(t => t!.GetValue<string>()).Order());
        Assert.Equal(["water"], tags["removed"]!.AsArray().Select(t => t!.GetValue<string>()));

        var restored = await host.PostAsync("desk-editor", $"/api/content/{id}/versions/{firstVersion}/restore", ifMatch: second.ETag);
        Assert.Equal(200, restored.Status);
        Assert.NotEqual(firstVersion, restored.ETag);
        Assert.Equal("<p>The first text.</p>", restored.Json["HtmlBodyPart"]!["Html"]!.GetValue<string>());
        Assert.Equal(412, (await host.PostAsync("desk-editor", $"/api/content/{id}/versions/{firstVersion}/restore", ifMatch: second.ETag)).Status);

        var versions = await host.GetAsync("desk-contributor-2", $"/api/content/{id}/versions");
        Assert.Equal(404, versions.Status);
        versions = await host.GetAsync("desk-editor", $"/api/content/{id}/versions");
        Assert.Equal([3, 2, 1], versions.Json.AsArray().Select(v => v!["number"]!.GetValue<int>()));
        Assert.All(versions.Json.AsArray(), v => Assert.Equal("Editor desk", v!["author"]!.GetValue<string>()));
        Assert.True(versions.Json[0]!["latest"]!.GetValue<bool>());
        var audit = await host.GetAsync("desk-editor", $"/api/content/{id}/audit");
        Assert.Contains(audit.Json["items"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == AuditKinds.Restore);
    }

    [Fact]
    public async Task Audit_entries_older_than_the_retention_are_removed_and_newer_ones_kept()
    {
        await using var host = await WorkflowHost.StartAsync();
        var recent = await host.AsSystemAsync(sp => sp.GetRequiredService<CmsDbContext>().AuditEvents.CountAsync());
        var now = host.Clock.GetUtcNow().UtcDateTime;
        await host.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<CmsDbContext>();
            db.AuditEvents.Add(new AuditEventRecord { Kind = "content.saved", TargetType = "ContentItem", TargetId = "old-1", OccurredUtc = now.AddDays(-400) });
            db.AuditEvents.Add(new AuditEventRecord { Kind = "content.saved", TargetType = "ContentItem", TargetId = "old-2", OccurredUtc = now.AddDays(-366) });
            db.AuditEvents.Add(new AuditEventRecord { Kind = "content.saved", TargetType = "ContentItem", TargetId = "kept", OccurredUtc = now.AddDays(-364) });
            return await db.SaveChangesAsync();
        });

        var removed = await host.AsSystemAsync(sp => sp.GetRequiredService<AuditTrail>().PurgeAsync());

        Assert.Equal(2, removed);
        var left = await host.AsSystemAsync(sp => sp.GetRequiredService<CmsDbContext>().AuditEvents.Select(a => a.TargetId).ToListAsync());
        Assert.Equal(recent + 1, left.Count);
        Assert.Contains("kept", left);
        Assert.DoesNotContain("old-1", left);
    }
}
