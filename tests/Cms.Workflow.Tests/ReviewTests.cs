using Cms.Data.Entities;
using Cms.Workflow.Engine;
using Cms.Workflow.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Workflow.Tests;

/// <summary>Review collaboration: comments and who may change them, reviewers and due dates, the desk's queues, the audit query.</summary>
public sealed class ReviewTests
{
    [Fact]
    public async Task A_comment_is_sanitized_and_its_writer_may_change_it_for_ten_minutes_only()
    {
        await using var host = await WorkflowHost.StartAsync();
        var (id, _) = await SchedulerTests.ApproveAsync(host, "Comment thread");

        var added = await host.PostAsync("desk-author", $"/api/content/{id}/comments", new { text = "<p onclick=\"x()\">Check the <b>figures</b></p><script>alert(1)</script>" });
        Assert.Equal(201, added.Status);
        var text = added.Json["text"]!.GetValue<string>();
        Assert.Contains("<b>figures</b>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("onclick", text, StringComparison.Ordinal);
        Assert.DoesNotContain("script", text, StringComparison.Ordinal);
        var commentId = added.Json["commentId"]!.GetValue<string>();

        Assert.Equal(403, (await host.SendAsync("desk-editor", HttpMethod.Put, $"/api/content/{id}/comments/{commentId}", new { text = "Not mine" })).Status);
        Assert.Equal(200, (await host.SendAsync("desk-author", HttpMethod.Put, $"/api/content/{id}/comments/{commentId}", new { text = "Check the figures, please" })).Status);
        Assert.Equal(400, (await host.PostAsync("desk-author", $"/api/content/{id}/comments", new { text = "   " })).Status);

        host.Advance(TimeSpan.FromMinutes(11));
        var late = await host.SendAsync("desk-author", HttpMethod.Put, $"/api/content/{id}/comments/{commentId}", new { text = "Too late" });
        Assert.Equal(409, late.Status);
        var thread = await host.GetAsync("desk-contributor", $"/api/content/{id}/comments");
        Assert.Equal("Check the figures, please", thread.Json[0]!["text"]!.GetValue<string>());
        Assert.False(thread.Json[0]!["editable"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_review_is_assigned_only_to_someone_who_may_review_and_shows_in_their_queues_when_overdue()
    {
        await using var host = await WorkflowHost.StartAsync();
        var editorId = await CreateUserAsync(host, "sevda.editor", "Editor");
        var contributorId = await CreateUserAsync(host, "orkhan.writer", "Contributor");
        var created = await host.PostAsync("desk-contributor", "/api/content", Articles.New("Assigned story", "<p>Text.</p>"));
        var id = created.Json["ContentItemId"]!.GetValue<string>();
        var submitted = await host.PostAsync("desk-contributor", $"/api/content/{id}/transitions/submit", ifMatch: created.ETag);

        var refused = await host.SendAsync("desk-editor", HttpMethod.Put, $"/api/content/{id}/assignment", new { assignedTo = contributorId }, submitted.ETag);
        Assert.Equal(400, refused.Status);
        Assert.Contains("$.assignedTo", refused.Body, StringComparison.Ordinal);
        Assert.Equal(403, (await host.SendAsync("desk-contributor", HttpMethod.Put, $"/api/content/{id}/assignment", new { assignedTo = editorId }, submitted.ETag)).Status);

        var due = host.Clock.GetUtcNow().AddHours(2);
        var assigned = await host.SendAsync("desk-editor", HttpMethod.Put, $"/api/content/{id}/assignment", new { assignedTo = editorId, due }, submitted.ETag);
        Assert.Equal(200, assigned.Status);
        Assert.Equal(editorId, assigned.Json["Workflow"]!["AssignedTo"]!.GetValue<string>());

        async Task<IReadOnlyList<string>> QueueAsync(WorkQuery query) => await host.AsSystemAsync(async sp =>
        {
            var user = await sp.GetRequiredService<UserManager<CmsUser>>().FindByIdAsync(editorId);
            var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<CmsUser>>().CreateAsync(user!);
            sp.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { User = principal, RequestServices = sp };
            var result = await sp.GetRequiredService<WorkflowService>().QueryAsync(query);
            return result.Items.Select(i => i.ContentItemId).ToList();
        });

        Assert.Equal([id], await QueueAsync(new WorkQuery { AssignedToMe = true }));
        Assert.Empty(await QueueAsync(new WorkQuery { Overdue = true }));
        host.Advance(TimeSpan.FromHours(3));
        Assert.Equal([id], await QueueAsync(new WorkQuery { Overdue = true }));
        Assert.True((await host.GetAsync("desk-editor", $"/api/content/{id}")).Json["Workflow"]!["Overdue"]!.GetValue<bool>());

        // Sent back to the writer, the assignment ends.
        var sentBack = await host.PostAsync("desk-editor", $"/api/content/{id}/transitions/request-changes", new { comment = "Shorter, please." }, assigned.ETag);
        Assert.Null(sentBack.Json["Workflow"]!["AssignedTo"]);
        Assert.Empty(await QueueAsync(new WorkQuery { AssignedToMe = true }));
    }

    [Fact]
    public async Task The_audit_trail_is_searchable_by_actor_kind_and_time_and_only_with_ViewAuditTrail()
    {
        await using var host = await WorkflowHost.StartAsync();
        var start = host.Clock.GetUtcNow();
        var (id, _) = await SchedulerTests.ApproveAsync(host, "Audited story");

        var approvals = await host.GetAsync("desk-editor", "/api/audit?kind=content.approve&actor=desk-editor");
        var entry = Assert.Single(approvals.Json["items"]!.AsArray());
        Assert.Equal(id, entry!["targetId"]!.GetValue<string>());
        Assert.Equal("InReview", entry["fromStage"]!.GetValue<string>());
        Assert.Equal("Approved", entry["toStage"]!.GetValue<string>());
        Assert.Equal("desk-editor", entry["clientId"]?.GetValue<string>() ?? entry["actorId"]!.GetValue<string>());

        var byContributor = await host.GetAsync("desk-editor", $"/api/audit?kind=content.&actor=desk-contributor&from={Uri.EscapeDataString(start.AddSeconds(-1).ToString("O"))}");
        Assert.Equal(2, byContributor.Json["total"]!.GetValue<int>());
        var future = await host.GetAsync("desk-editor", $"/api/audit?from={Uri.EscapeDataString(start.AddDays(1).ToString("O"))}");
        Assert.Equal(0, future.Json["total"]!.GetValue<int>());

        Assert.Equal(403, (await host.GetAsync("desk-contributor", "/api/audit")).Status);
        Assert.Equal(403, (await host.GetAsync("desk-author", $"/api/content/{id}/audit")).Status);
    }

    private static Task<string> CreateUserAsync(WorkflowHost host, string name, string role) => host.AsSystemAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<CmsUser>>();
        var user = new CmsUser { UserName = name, Email = $"{name}@example.com", CreatedUtc = DateTime.UtcNow };
        var created = await users.CreateAsync(user, "A-long-test-password-1");
        Assert.True(created.Succeeded, string.Join(", ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user.Id;
    });
}
