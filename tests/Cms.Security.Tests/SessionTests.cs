using System.Net;
using Cms.Security.Tests.Support;
using Cms.Security.Users;
using Cms.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Security.Tests;

/// <summary>
/// Sign-out, a password change, a reset, disabling and a role change end every session of the user at the next
/// request, including copies of the old cookie; <c>GET /connect/logout</c> (an img tag) signs nobody out.
/// Runs on SQLite and on PostgreSQL.
/// </summary>
public abstract class SessionTests
{
    protected abstract Task<SecurityTestFactory> CreateHostAsync();

    [SkippableFact]
    public async Task Signing_out_ends_every_session_of_the_user_including_a_kept_copy_of_the_cookie()
    {
        await using var host = await CreateHostAsync();
        var user = await host.CreateUserAsync(TestHost.Unique("out"), "Editor");
        var session = await host.SignInSessionAsync(user.UserName);
        var other = await host.SignInSessionAsync(user.UserName);
        var kept = session.CopyAuthCookie();
        Assert.Equal(HttpStatusCode.OK, (await kept.SendAsync(HttpMethod.Get, "/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kept.SendAsync(HttpMethod.Get, "/admin/profile")).StatusCode);

        var logout = await session.SubmitFormAsync("/admin/logout", "/admin/logout");

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await kept.SendAsync(HttpMethod.Get, "/api/me")).StatusCode);
        var profile = await kept.SendAsync(HttpMethod.Get, "/admin/profile");
        Assert.Equal(HttpStatusCode.Redirect, profile.StatusCode);
        Assert.Contains("/admin/login", profile.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.SendAsync(HttpMethod.Get, "/api/me")).StatusCode);
    }

    [SkippableFact]
    public async Task A_password_change_or_reset_ends_the_other_sessions()
    {
        await using var host = await CreateHostAsync();
        var user = await host.CreateUserAsync(TestHost.Unique("pwd"), "Editor");
        var first = await host.SignInSessionAsync(user.UserName);
        var second = await host.SignInSessionAsync(user.UserName);

        var change = await first.SubmitFormAsync("/admin/profile/password", "/admin/profile/password", new()
        {
            ["Input.CurrentPassword"] = TestHost.Password,
            ["Input.NewPassword"] = "Another-Long-Password-7",
            ["Input.ConfirmPassword"] = "Another-Long-Password-7",
        });
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.SendAsync(HttpMethod.Get, "/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.SendAsync(HttpMethod.Get, "/api/me")).StatusCode);

        var admin = await host.PrincipalForAsync(CmsWebApplicationFactory.AdminUserName);
        var reset = await host.InScopeAsync(s => s.GetRequiredService<UserAdministration>().ResetPasswordAsync(admin, user.Id, "Third-Long-Password-55"));
        Assert.True(reset.Succeeded, reset.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.SendAsync(HttpMethod.Get, "/api/me")).StatusCode);
    }

    [SkippableFact]
    public async Task Connect_logout_by_GET_only_asks_and_the_confirmed_POST_signs_out()
    {
        await using var host = await CreateHostAsync();
        var user = await host.CreateUserAsync(TestHost.Unique("img"), "Editor");
        var session = await host.SignInSessionAsync(user.UserName);

        var get = await session.SendAsync(HttpMethod.Get, "/connect/logout");
        var forged = await session.SendAsync(HttpMethod.Post, "/connect/logout", []);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Contains("<form method=\"post\"", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.SendAsync(HttpMethod.Get, "/api/me")).StatusCode);

        var kept = session.CopyAuthCookie();
        var confirmed = await session.SubmitFormAsync("/connect/logout", "/connect/logout");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await kept.SendAsync(HttpMethod.Get, "/api/me")).StatusCode);
    }
}

/// <summary><see cref="SessionTests"/> on SQLite.</summary>
public sealed class SqliteSessionTests : SessionTests
{
    protected override Task<SecurityTestFactory> CreateHostAsync() => Task.FromResult(new SecurityTestFactory());
}

/// <summary><see cref="SessionTests"/> on PostgreSQL.</summary>
public sealed class PostgresSessionTests : SessionTests, IAsyncDisposable
{
    private PostgresTestDatabase? _database;

    protected override async Task<SecurityTestFactory> CreateHostAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        var host = new SecurityTestFactory();
        host.WithPostgres(_database.ConnectionString);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
