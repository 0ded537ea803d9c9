using System.Net;
using Cms.Data;
using Cms.Data.Entities;
using Cms.Security.Tests.Support;
using Cms.Security.Users;
using Cms.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cms.Security.Tests;

/// <summary>
/// Sign-in cannot be used to find accounts or to lock people out cheaply: per-address and per-name rate limits with
/// Retry-After on the sign-in form and the token endpoint, one answer (and one cost) for every failure, and an
/// administrator can lift a lockout. SQLite and PostgreSQL.
/// </summary>
public abstract class SignInProtectionTests
{
    protected abstract Task<SecurityTestFactory> CreateHostAsync(Action<SecurityTestFactory>? configure = null);

    [SkippableFact]
    public async Task One_address_trying_many_names_is_throttled_with_Retry_After_on_the_form_and_the_token_endpoint()
    {
        await using var host = await CreateHostAsync(h => h.WithSetting("Cms:Security:SignInRateLimit:PermitsPerAddress", "3"));
        var session = new CookieSession(host);

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await session.SubmitFormAsync("/admin/login", "/admin/login", new() { ["Input.UserName"] = $"someone-{i}", ["Input.Password"] = "guess-" + i }));
        }

        var token = await host.Browser().RequestTokenAsync(("grant_type", "client_credentials"), ("client_id", "x"), ("client_secret", "y"));

        Assert.All(answers[..3], a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[3].StatusCode);
        Assert.True(int.Parse(answers[3].Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal(HttpStatusCode.TooManyRequests, token.StatusCode);
        Assert.NotNull(token.Headers.RetryAfter);
    }

    [SkippableFact]
    public async Task Many_attempts_on_one_name_are_throttled_before_the_account_locks()
    {
        await using var host = await CreateHostAsync(h => h.WithSetting("Cms:Security:SignInRateLimit:PermitsPerAccount", "4"));
        var user = await host.CreateUserAsync(TestHost.Unique("victim"), "Editor");
        var session = new CookieSession(host);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add((await session.SubmitFormAsync("/admin/login", "/admin/login", new() { ["Input.UserName"] = user.UserName, ["Input.Password"] = "Wrong-" + i })).StatusCode);
        }

        var other = await session.SubmitFormAsync("/admin/login", "/admin/login", new() { ["Input.UserName"] = "another-name", ["Input.Password"] = "x" });
        var locked = await host.InScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<CmsUser>>();
            return await users.IsLockedOutAsync((await users.FindByIdAsync(user.Id))!);
        });

        Assert.Equal(4, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(8, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.False(locked);
    }

    [SkippableFact]
    public async Task Every_failure_gets_the_same_answer_and_costs_one_password_check()
    {
        var hasher = new CountingHasher();
        await using var host = await CreateHostAsync(h => h.WithServices(s => s.Replace(ServiceDescriptor.Scoped<IPasswordHasher<CmsUser>>(_ => hasher))));
        var disabled = await host.CreateUserAsync(TestHost.Unique("gone"), "Editor");
        var locked = await host.CreateUserAsync(TestHost.Unique("locked"), "Editor");
        var admin = await host.PrincipalForAsync(CmsWebApplicationFactory.AdminUserName);
        Assert.True((await host.InScopeAsync(s => s.GetRequiredService<UserAdministration>().SetEnabledAsync(admin, disabled.Id, false))).Succeeded);
        await host.InScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<CmsUser>>();
            return await users.SetLockoutEndDateAsync((await users.FindByIdAsync(locked.Id))!, DateTimeOffset.UtcNow.AddMinutes(15));
        });

        var answers = new Dictionary<string, (string Error, int Checks)>();
        foreach (var (name, userName, password) in new[]
        {
            ("unknown", "nobody-by-this-name", "Some-Password-1"),
            ("wrong password", CmsWebApplicationFactory.AdminUserName, "Wrong-Password-1"),
            ("disabled", disabled.UserName, TestHost.Password),
            ("locked", locked.UserName, TestHost.Password),
        })
        {
            var session = new CookieSession(host);
            var before = hasher.Verifications;
            var response = await session.SubmitFormAsync("/admin/login", "/admin/login", new() { ["Input.UserName"] = userName, ["Input.Password"] = password });
            var html = await response.Content.ReadAsStringAsync();
            answers[name] = (ErrorOf(html), hasher.Verifications - before);
        }

        Assert.Single(answers.Values.Select(a => a.Error).Distinct());
        Assert.Contains("The user name or password is not correct", answers["unknown"].Error, StringComparison.Ordinal);
        Assert.All(answers, a => Assert.True(a.Value.Checks == 1, $"{a.Key}: {a.Value.Checks} password checks"));
    }

    [SkippableFact]
    public async Task Sign_in_successes_failures_and_sign_out_are_audited_without_what_was_typed()
    {
        await using var host = await CreateHostAsync();
        var user = await host.CreateUserAsync(TestHost.Unique("audited"), "Editor");
        const string TypedSecret = "Pa55word-typed-into-the-name-box";

        await new CookieSession(host).SubmitFormAsync("/admin/login", "/admin/login", new() { ["Input.UserName"] = TypedSecret, ["Input.Password"] = "x" });
        await new CookieSession(host).SubmitFormAsync("/admin/login", "/admin/login", new() { ["Input.UserName"] = user.UserName, ["Input.Password"] = "Wrong-Password-1" });
        var session = new CookieSession(host);
        await session.SubmitFormAsync("/admin/login", "/admin/login", new() { ["Input.UserName"] = user.UserName, ["Input.Password"] = TestHost.Password });
        await session.SubmitFormAsync("/admin/logout", "/admin/logout");

        var rows = await host.InScopeAsync(s => s.GetRequiredService<CmsDbContext>().AuditEvents.AsNoTracking()
            .Where(a => a.Kind.StartsWith("security.")).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["security.sign-in-failed", "security.sign-in-failed", "security.sign-in", "security.sign-out"], rows.Select(r => r.Kind));
        Assert.Null(rows[0].TargetId);
        Assert.All(rows.Skip(1), r => Assert.Equal(user.Id, r.TargetId));
        Assert.DoesNotContain(rows, r => $"{r.Summary} {r.ActorName} {r.TargetId}".Contains(TypedSecret, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task An_administrator_lifts_a_lockout()
    {
        await using var host = await CreateHostAsync();
        var user = await host.CreateUserAsync(TestHost.Unique("locked"), "Editor");
        var browser = host.Browser();
        for (var i = 0; i < 10; i++)
        {
            await browser.SignInResultAsync(user.UserName, "Wrong-" + i);
        }

        Assert.Equal("LockedOut", await browser.SignInResultAsync(user.UserName, TestHost.Password));
        var admin = await host.PrincipalForAsync(CmsWebApplicationFactory.AdminUserName);
        var unlocked = await host.InScopeAsync(s => s.GetRequiredService<UserAdministration>().UnlockAsync(admin, user.Id));

        Assert.True(unlocked.Succeeded, unlocked.ToString());
        Assert.Equal("Succeeded", await browser.SignInResultAsync(user.UserName, TestHost.Password));
    }

    private static string ErrorOf(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "role=\"alert\">(.*?)</div>", System.Text.RegularExpressions.RegexOptions.Singleline);
        return match.Success ? System.Net.WebUtility.HtmlDecode(match.Groups[1].Value).Trim() : html;
    }

    private sealed class CountingHasher : IPasswordHasher<CmsUser>
    {
        private readonly PasswordHasher<CmsUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(CmsUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(CmsUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

/// <summary><see cref="SignInProtectionTests"/> on SQLite.</summary>
public sealed class SqliteSignInProtectionTests : SignInProtectionTests
{
    protected override Task<SecurityTestFactory> CreateHostAsync(Action<SecurityTestFactory>? configure = null)
    {
        var host = new SecurityTestFactory();
        configure?.Invoke(host);
        return Task.FromResult(host);
    }
}

/// <summary><see cref="SignInProtectionTests"/> on PostgreSQL.</summary>
public sealed class PostgresSignInProtectionTests : SignInProtectionTests, IAsyncDisposable
{
    private PostgresTestDatabase? _database;

    protected override async Task<SecurityTestFactory> CreateHostAsync(Action<SecurityTestFactory>? configure = null)
    {
        _database = await PostgresTestDatabase.CreateAsync();
        var host = new SecurityTestFactory();
        host.WithPostgres(_database.ConnectionString);
        configure?.Invoke(host);
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
