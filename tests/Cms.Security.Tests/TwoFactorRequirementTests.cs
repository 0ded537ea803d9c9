using System.Net;
using Cms.Security.OpenId;
using Cms.Security.Tests.Support;
using Cms.Testing;

namespace Cms.Security.Tests;

/// <summary>
/// Turning <c>Cms:Security:RequireTwoFactorForRoles</c> on (a restart with the setting, here a second host on the same
/// data and keys) ends the sessions of users in those roles who have not set two-factor sign-in up, at their next
/// request, and refuses their refresh tokens.
/// </summary>
public sealed class TwoFactorRequirementTests
{
    [Fact]
    public async Task A_session_opened_before_the_requirement_ends_at_its_next_request()
    {
        await using var before = new SecurityTestFactory();
        var editor = await before.CreateUserAsync(TestHost.Unique("editor"), "Editor");
        var author = await before.CreateUserAsync(TestHost.Unique("author"), "Author");
        var editorSession = new CookieSession(before);
        var authorSession = new CookieSession(before);
        Assert.Equal("/admin", TwoFactorSteps.PathOf(await editorSession.SubmitLoginAsync(editor.UserName, TestHost.Password)));
        Assert.Equal("/admin", TwoFactorSteps.PathOf(await authorSession.SubmitLoginAsync(author.UserName, TestHost.Password)));

        await using var after = new SecurityTestFactory();
        after.WithSetting("Cms:DataDirectory", before.DataDirectory).WithSetting("Cms:Security:RequireTwoFactorForRoles", "Editor");
        var editorAfter = await editorSession.CopyAuthCookie(after).SendAsync(HttpMethod.Get, "/admin/profile");
        var authorAfter = await authorSession.CopyAuthCookie(after).SendAsync(HttpMethod.Get, "/admin/profile");

        Assert.Equal(HttpStatusCode.OK, authorAfter.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, editorAfter.StatusCode);
        Assert.StartsWith("/admin/login", TwoFactorSteps.PathOf(editorAfter), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_tokens_of_a_user_who_must_set_up_two_factor_are_refused()
    {
        const string RedirectUri = "https://app.example.com/signed-in";
        await using var before = new SecurityTestFactory();
        var client = await before.CreateClientAsync(new ClientInput
        {
            ClientId = TestHost.Unique("spa"),
            DisplayName = "Newsroom app",
            Type = ClientType.Public,
            AllowAuthorizationCodeFlow = true,
            AllowRefreshTokenFlow = true,
            RedirectUris = [RedirectUri],
        });
        var editor = await before.CreateUserAsync(TestHost.Unique("editor"), "Editor");
        var author = await before.CreateUserAsync(TestHost.Unique("author"), "Author");
        var editorTokens = await (await before.SignInAsync(editor.UserName)).AuthorizationCodeFlowAsync(client.ClientId, null, RedirectUri);
        var authorTokens = await (await before.SignInAsync(author.UserName)).AuthorizationCodeFlowAsync(client.ClientId, null, RedirectUri);

        await using var after = new SecurityTestFactory();
        after.WithSetting("Cms:DataDirectory", before.DataDirectory).WithSetting("Cms:Security:RequireTwoFactorForRoles", "Editor");
        var api = after.Browser();
        var editorRefresh = await api.RequestTokenAsync(("grant_type", "refresh_token"), ("client_id", client.ClientId), ("refresh_token", editorTokens.GetProperty("refresh_token").GetString()!));
        var authorRefresh = await api.RequestTokenAsync(("grant_type", "refresh_token"), ("client_id", client.ClientId), ("refresh_token", authorTokens.GetProperty("refresh_token").GetString()!));

        Assert.True(authorRefresh.IsSuccessStatusCode, await authorRefresh.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, editorRefresh.StatusCode);
        Assert.Contains("two-factor", await editorRefresh.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
