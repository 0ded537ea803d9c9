using System.Net;
using Cms.Data;
using Cms.Data.Entities;
using Cms.Security.Tests.Support;
using Cms.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Security.Tests;

/// <summary>The users screens offer "Unlock" for a locked-out account; it lifts the lock through UserAdministration, audited.</summary>
public sealed class AdminUnlockTests(SecurityTestFactory host) : IClassFixture<SecurityTestFactory>
{
    [Fact]
    public async Task The_unlock_button_appears_for_a_locked_out_user_and_lets_them_sign_in_again()
    {
        var user = await host.CreateUserAsync(TestHost.Unique("locked"), "Editor");
        var other = await host.CreateUserAsync(TestHost.Unique("fine"), "Editor");
        var browser = host.Browser();
        for (var i = 0; i < 10; i++)
        {
            await browser.SignInResultAsync(user.UserName, "Wrong-" + i);
        }

        Assert.Equal("LockedOut", await browser.SignInResultAsync(user.UserName, TestHost.Password));
        var admin = await host.SignInSessionAsync(CmsWebApplicationFactory.AdminUserName, CmsWebApplicationFactory.AdminPassword);
        var lockedPage = await (await admin.SendAsync(HttpMethod.Get, $"/admin/users/{user.Id}/edit")).Content.ReadAsStringAsync();
        var otherPage = await (await admin.SendAsync(HttpMethod.Get, $"/admin/users/{other.Id}/edit")).Content.ReadAsStringAsync();
        var list = await (await admin.SendAsync(HttpMethod.Get, $"/admin/users?q={user.UserName}")).Content.ReadAsStringAsync();

        var unlock = await admin.SubmitFormAsync($"/admin/users/{user.Id}/edit", $"/admin/users/{user.Id}/edit?handler=Unlock");
        var after = await (await admin.SendAsync(HttpMethod.Get, unlock.Headers.Location!.OriginalString)).Content.ReadAsStringAsync();

        Assert.Contains("data-testid=\"unlock-user\"", lockedPage, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"unlock-user\"", otherPage, StringComparison.Ordinal);
        Assert.Contains("?handler=Unlock", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, unlock.StatusCode);
        Assert.Contains("was unlocked", after, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"unlock-user\"", after, StringComparison.Ordinal);
        Assert.Equal("Succeeded", await browser.SignInResultAsync(user.UserName, TestHost.Password));
        var audit = await host.InScopeAsync(s => s.GetRequiredService<CmsDbContext>().AuditEvents.AsNoTracking()
            .Where(a => a.Kind == "user.unlocked" && a.TargetId == user.Id).ToListAsync());
        Assert.Equal(CmsWebApplicationFactory.AdminUserName, Assert.Single(audit).ActorName);
    }

    [Fact]
    public async Task Unlocking_needs_ManageUsers()
    {
        var user = await host.CreateUserAsync(TestHost.Unique("locked"), "Editor");
        await host.InScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<CmsUser>>();
            return await users.SetLockoutEndDateAsync((await users.FindByIdAsync(user.Id))!, DateTimeOffset.UtcNow.AddMinutes(15));
        });
        var editor = await host.CreateUserAsync(TestHost.Unique("editor"), "Editor");
        var session = await host.SignInSessionAsync(editor.UserName);
        var token = await session.ApiTokenAsync();

        var refused = await session.SendAsync(HttpMethod.Post, $"/admin/users/{user.Id}/edit?handler=Unlock", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        var stillLocked = await host.InScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<CmsUser>>();
            return await users.IsLockedOutAsync((await users.FindByIdAsync(user.Id))!);
        });

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/admin/access-denied", (refused.Headers.Location!.IsAbsoluteUri ? refused.Headers.Location.PathAndQuery : refused.Headers.Location.OriginalString), StringComparison.OrdinalIgnoreCase);
        Assert.True(stillLocked);
    }
}
