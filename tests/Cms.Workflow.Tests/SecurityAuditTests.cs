using System.Security.Claims;
using Cms.Data;
using Cms.Data.Entities;
using Cms.Security;
using Cms.Workflow.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Workflow.Tests;

/// <summary>Security changes land in the audit trail with the change itself, whichever way they were made, and without secrets.</summary>
public sealed class SecurityAuditTests
{
    [Fact]
    public async Task User_role_permission_client_and_token_changes_are_audited_without_secrets()
    {
        await using var host = await WorkflowHost.StartAsync();
        const string Password = "A-long-test-password-1";
        const string NewPassword = "Another-long-password-2";
        var userId = await host.AsSystemAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<CmsUser>>();
            var user = new CmsUser { UserName = "nigar.desk", Email = "nigar@example.com", CreatedUtc = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, "Editor")).Succeeded);
            user.IsEnabled = false;
            Assert.True((await users.UpdateAsync(user)).Succeeded);
            var token = await users.GeneratePasswordResetTokenAsync(user);
            Assert.True((await users.ResetPasswordAsync(user, token, NewPassword)).Succeeded);
            var roles = sp.GetRequiredService<RoleManager<CmsRole>>();
            var contributor = await roles.FindByNameAsync("Contributor");
            Assert.True((await roles.AddClaimAsync(contributor!, new Claim(CmsClaimTypes.Permission, "Delete_Article"))).Succeeded);
            return user.Id;
        });

        var access = await host.TokenAsync("desk-editor");
        using var revoke = await host.Http.PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = access,
            ["client_id"] = "desk-editor",
            ["client_secret"] = "test-secret-desk-editor",
        }));
        Assert.True(revoke.IsSuccessStatusCode);

        var rows = await host.AsSystemAsync(sp => sp.GetRequiredService<CmsDbContext>().AuditEvents.AsNoTracking().OrderBy(a => a.Id).ToListAsync());
        var kinds = rows.Select(r => (r.Kind, r.TargetId)).ToList();
        Assert.Contains(("user.created", userId), kinds);
        Assert.Contains(("user.role-added", userId), kinds);
        Assert.Contains(("user.disabled", userId), kinds);
        Assert.Contains(("user.password-changed", userId), kinds);
        Assert.Contains(("role.permission-granted", "Contributor"), kinds);
        Assert.Contains(("client.created", "desk-editor"), kinds);
        Assert.Contains(rows, r => r.Kind == "token.revoked");
        Assert.Equal("Editor", rows.Single(r => r.Kind == "user.role-added" && r.TargetId == userId).Summary);

        var everything = string.Join("\n", rows.Select(r => $"{r.Kind} {r.Summary} {r.TargetId} {r.ActorName}"));
        Assert.DoesNotContain(Password, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(NewPassword, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("test-secret-", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(access, everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_security_change_writes_no_audit_entry()
    {
        await using var host = await WorkflowHost.StartAsync(seed: false);
        var before = await host.AsSystemAsync(sp => sp.GetRequiredService<CmsDbContext>().AuditEvents.CountAsync());
        var result = await host.AsSystemAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<CmsUser>>();
            return await users.CreateAsync(new CmsUser { UserName = "weak", Email = "weak@example.com" }, "short");
        });

        Assert.False(result.Succeeded);
        Assert.Equal(before, await host.AsSystemAsync(sp => sp.GetRequiredService<CmsDbContext>().AuditEvents.CountAsync()));
    }
}
