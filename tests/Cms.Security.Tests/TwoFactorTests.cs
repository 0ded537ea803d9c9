using System.Net;
using Cms.Admin.Pages.Admin;
using Cms.Data;
using Cms.Security.OpenId;
using Cms.Security.Tests.Support;
using Cms.Security.TwoFactor;
using Cms.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Security.Tests;

/// <summary>
/// Two-factor sign-in end to end through the admin's pages, with codes computed as an authenticator app does: enrol on
/// the profile page, the second step after the password (wrong code refused with the one message, recovery codes once),
/// compulsory enrolment for the roles of <c>Cms:Security:RequireTwoFactorForRoles</c> (nothing else opens until it is
/// done, /connect/authorize included), per-account rate limit of the second step, an administrator's reset. SQLite and
/// PostgreSQL.
/// </summary>
public abstract class TwoFactorTests
{
    private const string RedirectUri = "https://app.example.com/signed-in";

    protected abstract Task<SecurityTestFactory> CreateHostAsync(Action<SecurityTestFactory>? configure = null);

    [SkippableFact]
    public async Task Enrolling_on_the_profile_then_signing_in_asks_for_the_code_and_refuses_a_wrong_one_with_the_one_message()
    {
        await using var host = await CreateHostAsync();
        var user = await host.CreateUserAsync(TestHost.Unique("desk"), "Editor");
        var session = new CookieSession(host);
        Assert.Equal("/admin", TwoFactorSteps.PathOf(await session.SubmitLoginAsync(user.UserName, TestHost.Password)));

        var (key, codes) = await session.EnrolOnProfileAsync();
        var profile = await (await session.SendAsync(HttpMethod.Get, "/admin/profile")).Content.ReadAsStringAsync();
        await session.SubmitFormAsync("/admin", "/admin/logout");

        var next = new CookieSession(host);
        var password = await next.SubmitLoginAsync(user.UserName, TestHost.Password);
        var step = TwoFactorSteps.PathOf(password);
        var blocked = await next.SendAsync(HttpMethod.Get, "/admin/profile");
        var wrong = await next.SubmitSecondStepAsync(step, TwoFactorSteps.WrongCodeFor(key));
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        var cookieAfterWrong = next.AuthCookie;
        var right = await next.SubmitSecondStepAsync(step, TwoFactorSteps.CodeFor(key));
        var open = await next.SendAsync(HttpMethod.Get, "/admin/profile");

        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        Assert.Contains("Recovery codes left: <strong>10</strong>", profile, StringComparison.Ordinal);
        Assert.StartsWith("/admin/login/two-factor", step, StringComparison.Ordinal);
        Assert.Equal("", cookieAfterWrong);
        Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
        Assert.StartsWith("/admin/login", TwoFactorSteps.PathOf(blocked), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal(LoginTwoFactorModel.FailureMessage, TwoFactorSteps.ErrorOf(wrongHtml));
        Assert.Equal("/admin", TwoFactorSteps.PathOf(right));
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);

        var audit = await AuditAsync(host, user.Id);
        Assert.Contains("user.two-factor-enabled", audit.Select(a => a.Kind));
        Assert.Contains(("security.sign-in-failed", "Second step: wrong authenticator code"), audit);
        Assert.Contains(("security.sign-in", "Second step: authenticator code."), audit);
    }

    [SkippableFact]
    public async Task A_recovery_code_signs_in_once()
    {
        await using var host = await CreateHostAsync();
        var user = await host.CreateUserAsync(TestHost.Unique("lost"), "Author");
        var session = new CookieSession(host);
        await session.SubmitLoginAsync(user.UserName, TestHost.Password);
        var (_, codes) = await session.EnrolOnProfileAsync();

        var first = new CookieSession(host);
        var used = await first.SubmitSecondStepAsync(TwoFactorSteps.PathOf(await first.SubmitLoginAsync(user.UserName, TestHost.Password)), codes[3]);
        var left = await (await first.SendAsync(HttpMethod.Get, "/admin/profile")).Content.ReadAsStringAsync();
        var second = new CookieSession(host);
        var again = await second.SubmitSecondStepAsync(TwoFactorSteps.PathOf(await second.SubmitLoginAsync(user.UserName, TestHost.Password)), codes[3]);

        Assert.Equal("/admin", TwoFactorSteps.PathOf(used));
        Assert.Contains("Recovery codes left: <strong>9</strong>", left, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(LoginTwoFactorModel.FailureMessage, TwoFactorSteps.ErrorOf(await again.Content.ReadAsStringAsync()));
        Assert.Equal("", second.AuthCookie);
        Assert.Contains(("security.sign-in", "Second step: recovery code (9 left)."), await AuditAsync(host, user.Id));
    }

    [SkippableFact]
    public async Task A_required_role_forces_enrolment_after_the_password_and_opens_nothing_else_until_then()
    {
        await using var host = await CreateHostAsync(h => h.WithSetting("Cms:Security:RequireTwoFactorForRoles", "Administrator, Editor"));
        var client = await host.CreateClientAsync(new ClientInput
        {
            ClientId = TestHost.Unique("spa"),
            DisplayName = "Newsroom app",
            Type = ClientType.Public,
            AllowAuthorizationCodeFlow = true,
            RedirectUris = [RedirectUri],
        });
        var editor = await host.CreateUserAsync(TestHost.Unique("editor"), "Editor");
        var author = await host.CreateUserAsync(TestHost.Unique("author"), "Author");
        var (verifier, challenge) = TestHost.NewPkce();
        var authorize = TestHost.AuthorizeUrl(client.ClientId, RedirectUri, "openid cms_api", challenge);
        var session = new CookieSession(host);

        var toLogin = await session.SendAsync(HttpMethod.Get, authorize);
        var password = await session.SubmitLoginAsync(editor.UserName, TestHost.Password, returnUrl: authorize);
        var enrol = TwoFactorSteps.PathOf(password);
        var blocked = new Dictionary<string, HttpResponseMessage>
        {
            ["/admin"] = await session.SendAsync(HttpMethod.Get, "/admin"),
            ["/admin/profile"] = await session.SendAsync(HttpMethod.Get, "/admin/profile"),
            ["/api/me"] = await session.SendAsync(HttpMethod.Get, "/api/me"),
            ["/connect/authorize"] = await session.SendAsync(HttpMethod.Get, authorize),
        };
        var page = await (await session.SendAsync(HttpMethod.Get, enrol)).Content.ReadAsStringAsync();
        var key = TwoFactorSteps.KeyOf(page);
        var wrong = await session.SubmitFormAsync(enrol, enrol, new() { ["Input.Code"] = TwoFactorSteps.WrongCodeFor(key) });
        var stillBlocked = await session.SendAsync(HttpMethod.Get, "/admin");
        var done = await session.SubmitFormAsync(enrol, enrol, new() { ["Input.Code"] = TwoFactorSteps.CodeFor(key) });
        var doneHtml = await done.Content.ReadAsStringAsync();
        var code = await session.SendAsync(HttpMethod.Get, authorize);
        var authorPassword = await new CookieSession(host).SubmitLoginAsync(author.UserName, TestHost.Password);

        Assert.StartsWith("/admin/login", TwoFactorSteps.PathOf(toLogin), StringComparison.Ordinal);
        Assert.StartsWith("/admin/login/enrol", enrol, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, blocked["/admin"].StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, blocked["/admin/profile"].StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, blocked["/api/me"].StatusCode);
        Assert.All(new[] { blocked["/admin"], blocked["/admin/profile"], blocked["/connect/authorize"] }, r =>
            Assert.StartsWith("/admin/login?", TwoFactorSteps.PathOf(r), StringComparison.Ordinal));
        Assert.Contains(TwoFactorService.WrongCodeMessage, System.Net.WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, stillBlocked.StatusCode);
        Assert.Equal(10, TwoFactorSteps.RecoveryCodesOf(doneHtml).Count);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(authorize), doneHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.StartsWith(RedirectUri, code.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(QueryHelpers.ParseQuery(code.Headers.Location.Query)["code"]), verifier);
        Assert.Equal("/admin", TwoFactorSteps.PathOf(authorPassword));
    }

    [SkippableFact]
    public async Task A_required_user_cannot_turn_two_factor_off_but_others_can_with_their_password()
    {
        await using var host = await CreateHostAsync(h => h.WithSetting("Cms:Security:RequireTwoFactorForRoles:0", "Editor"));
        var editor = await host.CreateUserAsync(TestHost.Unique("editor"), "Editor");
        var author = await host.CreateUserAsync(TestHost.Unique("author"), "Author");
        var editorKey = await host.EnableTwoFactorAsync(editor.Id);
        var authorKey = await host.EnableTwoFactorAsync(author.Id);

        var editorSession = new CookieSession(host);
        await editorSession.SubmitSecondStepAsync(TwoFactorSteps.PathOf(await editorSession.SubmitLoginAsync(editor.UserName, TestHost.Password)), TwoFactorSteps.CodeFor(editorKey));
        var refused = await editorSession.SubmitFormAsync("/admin/profile", "/admin/profile?handler=DisableTwoFactor", new() { ["TwoFactorInput.Password"] = TestHost.Password });
        var authorSession = new CookieSession(host);
        await authorSession.SubmitSecondStepAsync(TwoFactorSteps.PathOf(await authorSession.SubmitLoginAsync(author.UserName, TestHost.Password)), TwoFactorSteps.CodeFor(authorKey));
        var wrongPassword = await authorSession.SubmitFormAsync("/admin/profile", "/admin/profile?handler=DisableTwoFactor", new() { ["TwoFactorInput.Password"] = "Not-The-Password-1" });
        var turnedOff = await authorSession.SubmitFormAsync("/admin/profile", "/admin/profile?handler=DisableTwoFactor", new() { ["TwoFactorInput.Password"] = TestHost.Password });
        var stillSignedIn = await authorSession.SendAsync(HttpMethod.Get, "/admin/profile");
        var passwordOnly = await new CookieSession(host).SubmitLoginAsync(author.UserName, TestHost.Password);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("required for your role", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("The password or code is not correct.", await wrongPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("/admin/profile", TwoFactorSteps.PathOf(turnedOff));
        Assert.Equal(HttpStatusCode.OK, stillSignedIn.StatusCode);
        Assert.Equal("/admin", TwoFactorSteps.PathOf(passwordOnly));
        Assert.Contains("user.two-factor-disabled", (await AuditAsync(host, author.Id)).Select(a => a.Kind));
        Assert.DoesNotContain("user.two-factor-disabled", (await AuditAsync(host, editor.Id)).Select(a => a.Kind));
    }

    [SkippableFact]
    public async Task The_second_step_is_rate_limited_per_account()
    {
        await using var host = await CreateHostAsync(h => h.WithSetting("Cms:Security:SignInRateLimit:PermitsPerAccount", "3"));
        var user = await host.CreateUserAsync(TestHost.Unique("guessed"), "Author");
        var key = await host.EnableTwoFactorAsync(user.Id);
        var session = new CookieSession(host);
        var step = TwoFactorSteps.PathOf(await session.SubmitLoginAsync(user.UserName, TestHost.Password));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await session.SubmitSecondStepAsync(step, TwoFactorSteps.WrongCodeFor(key))).StatusCode);
        }

        var right = await session.SubmitSecondStepAsync(step, TwoFactorSteps.CodeFor(key));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.NotNull(right.Headers.RetryAfter);
        Assert.Equal("", session.AuthCookie);
    }

    [SkippableFact]
    public async Task An_administrator_resets_a_users_two_factor_which_ends_their_sessions_audited()
    {
        await using var host = await CreateHostAsync();
        var user = await host.CreateUserAsync(TestHost.Unique("phone"), "Editor");
        var key = await host.EnableTwoFactorAsync(user.Id);
        var userSession = new CookieSession(host);
        await userSession.SubmitSecondStepAsync(TwoFactorSteps.PathOf(await userSession.SubmitLoginAsync(user.UserName, TestHost.Password)), TwoFactorSteps.CodeFor(key));
        Assert.Equal(HttpStatusCode.OK, (await userSession.SendAsync(HttpMethod.Get, "/admin/profile")).StatusCode);

        var admin = await host.SignInSessionAsync(CmsWebApplicationFactory.AdminUserName, CmsWebApplicationFactory.AdminPassword);
        var edit = await (await admin.SendAsync(HttpMethod.Get, $"/admin/users/{user.Id}/edit")).Content.ReadAsStringAsync();
        var reset = await admin.SubmitFormAsync($"/admin/users/{user.Id}/edit", $"/admin/users/{user.Id}/edit?handler=ResetTwoFactor");
        var after = await (await admin.SendAsync(HttpMethod.Get, $"/admin/users/{user.Id}/edit")).Content.ReadAsStringAsync();
        var oldSession = await userSession.SendAsync(HttpMethod.Get, "/admin/profile");
        var passwordOnly = await new CookieSession(host).SubmitLoginAsync(user.UserName, TestHost.Password);

        Assert.Contains("data-testid=\"reset-two-factor\"", edit, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.DoesNotContain("data-testid=\"reset-two-factor\"", after, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"user-two-factor\">Off<", after, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, oldSession.StatusCode);
        Assert.StartsWith("/admin/login", TwoFactorSteps.PathOf(oldSession), StringComparison.Ordinal);
        Assert.Equal("/admin", TwoFactorSteps.PathOf(passwordOnly));
        var rows = await host.InScopeAsync(s => s.GetRequiredService<CmsDbContext>().AuditEvents.AsNoTracking()
            .Where(a => a.Kind == "user.two-factor-disabled" && a.TargetId == user.Id).ToListAsync());
        Assert.Equal(CmsWebApplicationFactory.AdminUserName, Assert.Single(rows).ActorName);
    }

    private static Task<List<(string Kind, string? Summary)>> AuditAsync(SecurityTestFactory host, string userId) =>
        host.InScopeAsync(async s => (await s.GetRequiredService<CmsDbContext>().AuditEvents.AsNoTracking()
            .Where(a => a.TargetId == userId).OrderBy(a => a.Id).Select(a => new { a.Kind, a.Summary }).ToListAsync())
            .Select(a => (a.Kind, a.Summary)).ToList());
}

/// <summary><see cref="TwoFactorTests"/> on SQLite.</summary>
public sealed class SqliteTwoFactorTests : TwoFactorTests
{
    protected override Task<SecurityTestFactory> CreateHostAsync(Action<SecurityTestFactory>? configure = null)
    {
        var host = new SecurityTestFactory();
        configure?.Invoke(host);
        return Task.FromResult(host);
    }
}

/// <summary><see cref="TwoFactorTests"/> on PostgreSQL.</summary>
public sealed class PostgresTwoFactorTests : TwoFactorTests, IAsyncDisposable
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
