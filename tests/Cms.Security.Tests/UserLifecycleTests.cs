using System.Net;
using System.Text.Json;
using Cms.Core.Content;
using Cms.Data.Entities;
using Cms.Security.OpenId;
using Cms.Security.Tests.Support;
using Cms.Security.Users;
using Cms.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Security.Tests;

/// <summary>Signing in, lockout, disabling users and changing their roles, and what the admin services refuse.</summary>
public sealed class UserLifecycleTests(SecurityTestFactory host) : IClassFixture<SecurityTestFactory>
{
    private const string RedirectUri = "https://app.example.com/signed-in";

    [Fact]
    public async Task A_disabled_users_cookie_is_refused_on_the_next_request()
    {
        var user = await host.CreateUserAsync(TestHost.Unique("reporter"), "Author");
        var browser = await host.SignInAsync(user.UserName);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetJsonAsync("/api/me")).Status);

        await SetEnabledAsync(user.Id, false);

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetJsonAsync("/api/me")).Status);
    }

    [Fact]
    public async Task A_disabled_users_access_and_refresh_tokens_are_refused()
    {
        var client = await NewSpaAsync();
        var user = await host.CreateUserAsync(TestHost.Unique("writer"), "Author");
        var tokens = await (await host.SignInAsync(user.UserName)).AuthorizationCodeFlowAsync(client.ClientId, null, RedirectUri);
        var access = tokens.GetProperty("access_token").GetString();
        var http = host.Browser();
        Assert.Equal(HttpStatusCode.OK, (await http.GetJsonAsync("/api/me", access)).Status);

        await SetEnabledAsync(user.Id, false);
        var refresh = await http.RequestTokenAsync(("grant_type", "refresh_token"), ("client_id", client.ClientId), ("refresh_token", tokens.GetProperty("refresh_token").GetString()!));

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetJsonAsync("/api/me", access)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, refresh.StatusCode);
        Assert.Equal("invalid_grant", (await refresh.ReadJsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_and_can_again_once_enabled()
    {
        var user = await host.CreateUserAsync(TestHost.Unique("freelance"), "Contributor");
        await SetEnabledAsync(user.Id, false);

        var refused = await host.Browser().SignInResultAsync(user.UserName, TestHost.Password);
        await SetEnabledAsync(user.Id, true);
        var accepted = await host.Browser().SignInResultAsync(user.UserName, TestHost.Password);

        Assert.Equal("NotAllowed", refused);
        Assert.Equal("Succeeded", accepted);
    }

    [Fact]
    public async Task Ten_wrong_passwords_lock_the_account_even_when_the_caller_did_not_ask_for_lockout()
    {
        var user = await host.CreateUserAsync(TestHost.Unique("target"), "Author");
        var browser = host.Browser();

        var failures = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            failures.Add(await browser.SignInResultAsync(user.UserName, "Wrong-Password-" + i));
        }

        var withRightPassword = await browser.SignInResultAsync(user.UserName, TestHost.Password);

        Assert.All(failures[..9], f => Assert.Equal("Failed", f));
        Assert.Equal("LockedOut", failures[9]);
        Assert.Equal("LockedOut", withRightPassword);
    }

    [Fact]
    public async Task A_role_change_renews_the_security_stamp_so_the_user_signs_in_again_with_the_new_roles()
    {
        var user = await host.CreateUserAsync(TestHost.Unique("junior"), "Contributor");
        var browser = await host.SignInAsync(user.UserName);
        var before = Permissions((await browser.GetJsonAsync("/api/me")).Body);

        var admin = await host.PrincipalForAsync(CmsWebApplicationFactory.AdminUserName);
        var result = await host.InScopeAsync(s => s.GetRequiredService<UserAdministration>().SetRolesAsync(admin, user.Id, ["Editor"]));
        var oldCookie = await browser.GetJsonAsync("/api/me");
        var after = Permissions((await (await host.SignInAsync(user.UserName)).GetJsonAsync("/api/me")).Body);

        Assert.True(result.Succeeded, result.ToString());
        Assert.DoesNotContain("Publish_Article", before);
        Assert.Equal(HttpStatusCode.Unauthorized, oldCookie.Status);
        Assert.Contains("Publish_Article", after);
    }

    [Fact]
    public async Task A_change_to_a_roles_permissions_applies_on_the_next_request_with_the_same_cookie()
    {
        var admin = await host.PrincipalForAsync(CmsWebApplicationFactory.AdminUserName);
        var roleName = TestHost.Unique("Desk");
        var roles = (Func<IServiceProvider, Roles.RoleAdministration>)(s => s.GetRequiredService<Roles.RoleAdministration>());
        await host.InScopeAsync(s => roles(s).CreateAsync(admin, new Roles.RoleInput { Name = roleName, Permissions = ["AccessAdminPanel"] }));
        var user = await host.CreateUserAsync(TestHost.Unique("desk"), roleName);
        var browser = await host.SignInAsync(user.UserName);
        var before = Permissions((await browser.GetJsonAsync("/api/me")).Body);

        var updated = await host.InScopeAsync(s => roles(s).UpdateAsync(admin, roleName, new Roles.RoleInput { Name = roleName, Permissions = ["AccessAdminPanel", "Publish_Article"] }));
        var after = Permissions((await browser.GetJsonAsync("/api/me")).Body);

        Assert.True(updated.Succeeded, updated.ToString());
        Assert.DoesNotContain("Publish_Article", before);
        Assert.Contains("Publish_Article", after);
        Assert.Contains("Edit_Article", after);
    }

    [Fact]
    public async Task The_profile_form_cannot_change_roles_enabled_flag_or_password_hash_by_mass_assignment()
    {
        var user = await host.CreateUserAsync(TestHost.Unique("profile"), "Contributor");
        var stored = await StoredUserAsync(user.Id);

        // What a hostile edit form post binds to: the profile type ignores every field it does not declare.
        var posted = JsonSerializer.Deserialize<UserProfileUpdate>(
            $$"""
            {
              "DisplayName": "New Name",
              "Email": "{{user.UserName}}@example.com",
              "Roles": ["Administrator"],
              "IsEnabled": false,
              "PasswordHash": "AQAAAAIAAYagAAAAEForged",
              "SecurityStamp": "FORGED",
              "LockoutEnd": "2000-01-01T00:00:00Z",
              "Id": "someone-else"
            }
            """)!;
        var editor = await NewManagerAsync();
        var result = await host.InScopeAsync(s => s.GetRequiredService<UserAdministration>().UpdateProfileAsync(editor, user.Id, posted));
        var after = await StoredUserAsync(user.Id);
        var roles = await host.InScopeAsync(async s => await s.GetRequiredService<UserManager<CmsUser>>().GetRolesAsync((await s.GetRequiredService<UserManager<CmsUser>>().FindByIdAsync(user.Id))!));

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal("New Name", after.DisplayName);
        Assert.Equal(["Contributor"], roles);
        Assert.True(after.IsEnabled);
        Assert.Equal(stored.PasswordHash, after.PasswordHash);
        Assert.Equal(stored.SecurityStamp, after.SecurityStamp);
        Assert.Equal("Succeeded", await host.Browser().SignInResultAsync(user.UserName, TestHost.Password));
    }

    [Fact]
    public async Task A_user_manager_who_is_not_an_administrator_cannot_hand_out_or_take_away_the_Administrator_role()
    {
        var manager = await NewManagerAsync();
        var user = await host.CreateUserAsync(TestHost.Unique("climber"), "Author");
        var adminId = (await host.InScopeAsync(s => s.GetRequiredService<UserManager<CmsUser>>().FindByNameAsync(CmsWebApplicationFactory.AdminUserName)))!.Id;
        var users = (Func<IServiceProvider, UserAdministration>)(s => s.GetRequiredService<UserAdministration>());

        var promote = await host.InScopeAsync(s => users(s).SetRolesAsync(manager, user.Id, ["Author", "Administrator"]));
        var createAdmin = await host.InScopeAsync(s => users(s).CreateAsync(manager, new NewUser { UserName = TestHost.Unique("shadow"), Email = "shadow@example.com", Password = TestHost.Password, Roles = ["Administrator"] }));
        var disableAdmin = await host.InScopeAsync(s => users(s).SetEnabledAsync(manager, adminId, false));
        var resetAdmin = await host.InScopeAsync(s => users(s).ResetPasswordAsync(manager, adminId, "Another-Password-42"));

        Assert.False(promote.Succeeded);
        Assert.Contains(promote.Errors, e => e.Message.Contains("Only an administrator", StringComparison.Ordinal));
        Assert.False(createAdmin.Succeeded);
        Assert.False(disableAdmin.Succeeded);
        Assert.False(resetAdmin.Succeeded);
        Assert.Equal("Succeeded", await host.Browser().SignInResultAsync(CmsWebApplicationFactory.AdminUserName, CmsWebApplicationFactory.AdminPassword));
        Assert.DoesNotContain("Administrator", await host.InScopeAsync(async s => await s.GetRequiredService<UserManager<CmsUser>>().GetRolesAsync((await s.GetRequiredService<UserManager<CmsUser>>().FindByIdAsync(user.Id))!)));
    }

    [Fact]
    public async Task Someone_without_ManageUsers_is_refused_by_the_user_service()
    {
        var author = await host.CreateUserAsync(TestHost.Unique("nosy"), "Author");
        var principal = await host.PrincipalForAsync(author.UserName);

        await Assert.ThrowsAsync<ContentAccessDeniedException>(() =>
            host.InScopeAsync(s => s.GetRequiredService<UserAdministration>().SetRolesAsync(principal, author.Id, ["Editor"])));
    }

    [Fact]
    public async Task The_last_enabled_administrator_cannot_be_disabled_demoted_or_deleted()
    {
        var admin = await host.PrincipalForAsync(CmsWebApplicationFactory.AdminUserName);
        var adminId = admin.GetActorId()!;
        var otherAdmin = await host.CreateUserAsync(TestHost.Unique("admin2"), "Administrator");
        var other = await host.PrincipalForAsync(otherAdmin.UserName);
        await host.InScopeAsync(s => s.GetRequiredService<UserAdministration>().SetEnabledAsync(admin, otherAdmin.Id, false));

        var disable = await host.InScopeAsync(s => s.GetRequiredService<UserAdministration>().SetEnabledAsync(other, adminId, false));
        var demote = await host.InScopeAsync(s => s.GetRequiredService<UserAdministration>().SetRolesAsync(other, adminId, ["Editor"]));
        var delete = await host.InScopeAsync(s => s.GetRequiredService<UserAdministration>().DeleteAsync(other, adminId));
        var disableSelf = await host.InScopeAsync(s => s.GetRequiredService<UserAdministration>().SetEnabledAsync(admin, adminId, false));

        Assert.Contains("last enabled administrator", disable.ToString(), StringComparison.Ordinal);
        Assert.Contains("last enabled administrator", demote.ToString(), StringComparison.Ordinal);
        Assert.Contains("last enabled administrator", delete.ToString(), StringComparison.Ordinal);
        Assert.Contains("your own account", disableSelf.ToString(), StringComparison.Ordinal);
        Assert.True((await StoredUserAsync(adminId)).IsEnabled);
    }

    [Fact]
    public async Task Create_refuses_a_weak_password_and_a_duplicate_user_name_and_keeps_nothing()
    {
        var admin = await host.PrincipalForAsync(CmsWebApplicationFactory.AdminUserName);
        var name = TestHost.Unique("weak");

        var weak = await host.InScopeAsync(s => s.GetRequiredService<UserAdministration>().CreateAsync(admin, new NewUser { UserName = name, Email = $"{name}@example.com", Password = "short1A", Roles = ["Author"] }));
        var unknownRole = await host.InScopeAsync(s => s.GetRequiredService<UserAdministration>().CreateAsync(admin, new NewUser { UserName = name, Email = $"{name}@example.com", Password = TestHost.Password, Roles = ["Wizard"] }));
        var duplicate = await host.InScopeAsync(s => s.GetRequiredService<UserAdministration>().CreateAsync(admin, new NewUser { UserName = CmsWebApplicationFactory.AdminUserName, Email = "dup@example.com", Password = TestHost.Password }));
        var found = await host.InScopeAsync(s => s.GetRequiredService<UserAdministration>().SearchAsync(admin, new UserSearch { Text = name }));

        Assert.Contains(weak.Errors, e => e.Field == "Password");
        Assert.Contains(unknownRole.Errors, e => e.Field == "Roles" && e.Message.Contains("Wizard", StringComparison.Ordinal));
        Assert.Contains(duplicate.Errors, e => e.Field == "UserName");
        Assert.Equal(0, found.Total);
    }

    [Fact]
    public async Task Search_pages_through_users_and_filters_by_role()
    {
        var admin = await host.PrincipalForAsync(CmsWebApplicationFactory.AdminUserName);
        var prefix = TestHost.Unique("desk");
        for (var i = 0; i < 3; i++)
        {
            await host.CreateUserAsync($"{prefix}-{i}", i == 0 ? "Editor" : "Author");
        }

        var page = await host.InScopeAsync(s => s.GetRequiredService<UserAdministration>().SearchAsync(admin, new UserSearch { Text = prefix.ToUpperInvariant(), PageSize = 2, Page = 2 }));
        var editors = await host.InScopeAsync(s => s.GetRequiredService<UserAdministration>().SearchAsync(admin, new UserSearch { Text = prefix, Role = "Editor" }));

        Assert.Equal(3, page.Total);
        Assert.Equal(2, page.PageCount);
        Assert.Equal([$"{prefix}-2"], page.Items.Select(u => u.UserName));
        Assert.Equal(["Author"], page.Items[0].Roles);
        Assert.Equal([$"{prefix}-0"], editors.Items.Select(u => u.UserName));
    }

    [Fact]
    public async Task A_password_reset_replaces_the_password_and_signs_the_user_out()
    {
        var user = await host.CreateUserAsync(TestHost.Unique("forgetful"), "Author");
        var browser = await host.SignInAsync(user.UserName);
        var admin = await host.PrincipalForAsync(CmsWebApplicationFactory.AdminUserName);

        var tooShort = await host.InScopeAsync(s => s.GetRequiredService<UserAdministration>().ResetPasswordAsync(admin, user.Id, "short"));
        var reset = await host.InScopeAsync(s => s.GetRequiredService<UserAdministration>().ResetPasswordAsync(admin, user.Id, "Brand-New-Password-77"));

        Assert.Contains(tooShort.Errors, e => e.Field == "Password");
        Assert.True(reset.Succeeded, reset.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetJsonAsync("/api/me")).Status);
        Assert.Equal("Failed", await host.Browser().SignInResultAsync(user.UserName, TestHost.Password));
        Assert.Equal("Succeeded", await host.Browser().SignInResultAsync(user.UserName, "Brand-New-Password-77"));
    }

    private async Task SetEnabledAsync(string userId, bool enabled)
    {
        var admin = await host.PrincipalForAsync(CmsWebApplicationFactory.AdminUserName);
        var result = await host.InScopeAsync(s => s.GetRequiredService<UserAdministration>().SetEnabledAsync(admin, userId, enabled));
        Assert.True(result.Succeeded, result.ToString());
    }

    /// <summary>A user with ManageUsers who is not an administrator.</summary>
    private async Task<System.Security.Claims.ClaimsPrincipal> NewManagerAsync()
    {
        var admin = await host.PrincipalForAsync(CmsWebApplicationFactory.AdminUserName);
        var roleName = TestHost.Unique("Desk");
        var created = await host.InScopeAsync(s => s.GetRequiredService<Roles.RoleAdministration>().CreateAsync(admin, new Roles.RoleInput { Name = roleName, Permissions = [Core.Security.Permissions.ManageUsers] }));
        Assert.True(created.Succeeded, created.ToString());
        var manager = await host.CreateUserAsync(TestHost.Unique("manager"), roleName);
        return await host.PrincipalForAsync(manager.UserName);
    }

    private Task<CmsUser> StoredUserAsync(string id) =>
        host.InScopeAsync(async s => (await s.GetRequiredService<UserManager<CmsUser>>().FindByIdAsync(id))!);

    private Task<ClientSecret> NewSpaAsync() => host.CreateClientAsync(new ClientInput
    {
        ClientId = TestHost.Unique("spa"),
        DisplayName = "Newsroom app",
        Type = ClientType.Public,
        AllowAuthorizationCodeFlow = true,
        AllowRefreshTokenFlow = true,
        RedirectUris = [RedirectUri],
    });

    private static List<string?> Permissions(JsonElement me) => [.. me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString())];
}
