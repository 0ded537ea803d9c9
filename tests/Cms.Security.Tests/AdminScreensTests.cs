using System.Net;
using Cms.Admin.Services;
using Cms.Security.OpenId;
using Cms.Security.Permissions;
using Cms.Security.Tests.Support;
using Cms.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Security.Tests;

/// <summary>
/// The admin's screens act through the security capability's services, so they follow the same rules as the API and
/// the recipes: disabling a user or resetting their password in the admin revokes their tokens, and the dashboard
/// lists exactly the permissions the server grants.
/// </summary>
public sealed class AdminScreensTests(SecurityTestFactory host) : IClassFixture<SecurityTestFactory>
{
    private const string RedirectUri = "https://app.example.com/signed-in";

    [Theory]
    [InlineData("disable")]
    [InlineData("reset")]
    public async Task Disabling_a_user_or_resetting_their_password_in_the_admin_refuses_their_token_at_the_next_call(string change)
    {
        var client = await host.CreateClientAsync(new ClientInput
        {
            ClientId = TestHost.Unique("spa"),
            DisplayName = "Newsroom app",
            Type = ClientType.Public,
            AllowAuthorizationCodeFlow = true,
            AllowRefreshTokenFlow = true,
            RedirectUris = [RedirectUri],
        });
        var user = await host.CreateUserAsync(TestHost.Unique("writer"), "Author");
        var tokens = await (await host.SignInAsync(user.UserName)).AuthorizationCodeFlowAsync(client.ClientId, null, RedirectUri);
        var access = tokens.GetProperty("access_token").GetString();
        var http = host.Browser();
        Assert.Equal(HttpStatusCode.OK, (await http.GetJsonAsync("/api/me", access)).Status);

        var admin = await host.PrincipalForAsync(CmsWebApplicationFactory.AdminUserName);
        var result = await host.AsUserAsync(admin, services =>
        {
            var screens = services.GetRequiredService<IAdminUsers>();
            return change == "disable"
                ? screens.SetEnabledAsync(admin, user.Id, false)
                : screens.ResetPasswordAsync(admin, user.Id, "A-New-Long-Password-77");
        });

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetJsonAsync("/api/me", access)).Status);
    }

    [Theory]
    [InlineData("Editor")]
    [InlineData("Author")]
    [InlineData("Contributor")]
    public async Task The_dashboards_permission_list_equals_what_the_server_grants(string role)
    {
        var user = await host.CreateUserAsync(TestHost.Unique(role.ToLowerInvariant()), role);
        var principal = await host.PrincipalForAsync(user.UserName);

        var (shown, granted) = await host.AsUserAsync(principal, async services => (
            await services.GetRequiredService<IAdminPermissions>().GetGrantedAsync(principal),
            await services.GetRequiredService<IPermissionService>().GetPermissionsAsync(principal)));
        var me = (await (await host.SignInAsync(user.UserName)).GetJsonAsync("/api/me")).Body;

        Assert.NotEmpty(granted);
        Assert.Equal(granted.Order(StringComparer.Ordinal), shown.Order(StringComparer.Ordinal));
        Assert.Equal(granted.Order(StringComparer.Ordinal), me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()!).Order(StringComparer.Ordinal));
    }
}
