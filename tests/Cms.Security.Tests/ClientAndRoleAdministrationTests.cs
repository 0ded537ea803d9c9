using System.Net;
using Cms.Core.Content;
using Cms.Data;
using Cms.Security.OpenId;
using Cms.Security.Roles;
using Cms.Security.Tests.Support;
using Cms.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Security.Tests;

/// <summary>The services behind the API clients and roles screens.</summary>
public sealed class ClientAndRoleAdministrationTests(SecurityTestFactory host) : IClassFixture<SecurityTestFactory>
{
    [Fact]
    public async Task A_clients_secret_is_shown_once_and_stored_only_hashed()
    {
        var created = await host.CreateClientAsync(Machine(TestHost.Unique("hashed")));
        var admin = await host.PrincipalForAsync(CmsWebApplicationFactory.AdminUserName);

        var listed = await host.InScopeAsync(s => s.GetRequiredService<ClientAdministration>().ListAsync(admin));
        var stored = await host.InScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication>()
            .AsNoTracking().SingleAsync(a => a.ClientId == created.ClientId));

        Assert.True(created.Secret!.Length >= 40);
        Assert.Contains(listed, c => c.ClientId == created.ClientId && c.Roles.SequenceEqual(["Editor"]));
        Assert.NotNull(stored.ClientSecret);
        Assert.DoesNotContain(created.Secret, stored.ClientSecret, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotating_a_secret_makes_the_old_one_invalid_at_once()
    {
        var created = await host.CreateClientAsync(Machine(TestHost.Unique("rotate")));
        var admin = await host.PrincipalForAsync(CmsWebApplicationFactory.AdminUserName);

        var rotated = await host.InScopeAsync(s => s.GetRequiredService<ClientAdministration>().RotateSecretAsync(admin, created.ClientId));
        var old = await host.Browser().RequestTokenAsync(("grant_type", "client_credentials"), ("client_id", created.ClientId), ("client_secret", created.Secret!));
        var fresh = await host.Browser().ClientCredentialsTokenAsync(created.ClientId, rotated.Value!.Secret!);

        Assert.NotEqual(created.Secret, rotated.Value.Secret);
        Assert.Equal("invalid_client", (await old.ReadJsonAsync()).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, (await host.Browser().GetJsonAsync("/api/me", fresh)).Status);
    }

    [Fact]
    public async Task Editing_a_client_changes_its_roles_on_the_next_api_request_and_deleting_it_kills_its_tokens()
    {
        var created = await host.CreateClientAsync(Machine(TestHost.Unique("edit")));
        var admin = await host.PrincipalForAsync(CmsWebApplicationFactory.AdminUserName);
        var http = host.Browser();
        var token = await http.ClientCredentialsTokenAsync(created.ClientId, created.Secret!);

        var updated = await host.InScopeAsync(s => s.GetRequiredService<ClientAdministration>().UpdateAsync(admin, created.ClientId, Machine(created.ClientId) with { Roles = ["Author"] }));
        var afterEdit = await http.GetJsonAsync("/api/me", token);
        var deleted = await host.InScopeAsync(s => s.GetRequiredService<ClientAdministration>().DeleteAsync(admin, created.ClientId));
        var afterDelete = await http.GetJsonAsync("/api/me", token);

        Assert.True(updated.Succeeded, updated.ToString());
        Assert.Equal(["Author"], afterEdit.Body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.True(deleted.Succeeded);
        Assert.Equal(HttpStatusCode.Unauthorized, afterDelete.Status);
    }

    [Fact]
    public async Task Client_input_is_checked()
    {
        var admin = await host.PrincipalForAsync(CmsWebApplicationFactory.AdminUserName);
        var clients = (Func<IServiceProvider, ClientAdministration>)(s => s.GetRequiredService<ClientAdministration>());

        var publicWithCredentials = await host.InScopeAsync(s => clients(s).CreateAsync(admin, Machine(TestHost.Unique("p")) with { Type = ClientType.Public }));
        var relativeRedirect = await host.InScopeAsync(s => clients(s).CreateAsync(admin, new ClientInput { ClientId = TestHost.Unique("r"), DisplayName = "R", AllowAuthorizationCodeFlow = true, RedirectUris = ["/callback"] }));
        var fragment = await host.InScopeAsync(s => clients(s).CreateAsync(admin, new ClientInput { ClientId = TestHost.Unique("f"), DisplayName = "F", AllowAuthorizationCodeFlow = true, RedirectUris = ["https://app.example.com/cb#x"] }));
        var adminRoleFine = await host.InScopeAsync(s => clients(s).CreateAsync(admin, Machine(TestHost.Unique("a")) with { Roles = ["Anonymous"] }));
        var duplicate = await host.InScopeAsync(async s =>
        {
            var id = TestHost.Unique("d");
            await clients(s).CreateAsync(admin, Machine(id));
            return await clients(s).CreateAsync(admin, Machine(id));
        });

        Assert.Contains(publicWithCredentials.Errors, e => e.Field == "AllowClientCredentialsFlow");
        Assert.Contains(relativeRedirect.Errors, e => e.Field == "RedirectUris");
        Assert.Contains(fragment.Errors, e => e.Field == "RedirectUris");
        Assert.Contains(adminRoleFine.Errors, e => e.Field == "Roles");
        Assert.Contains(duplicate.Errors, e => e.Field == "ClientId");
    }

    [Fact]
    public async Task An_editor_cannot_manage_clients_or_roles()
    {
        var editor = await host.CreateUserAsync(TestHost.Unique("editor"), "Editor");
        var principal = await host.PrincipalForAsync(editor.UserName);

        await Assert.ThrowsAsync<ContentAccessDeniedException>(() => host.InScopeAsync(s => s.GetRequiredService<ClientAdministration>().CreateAsync(principal, Machine("sneaky"))));
        await Assert.ThrowsAsync<ContentAccessDeniedException>(() => host.InScopeAsync(s => s.GetRequiredService<RoleAdministration>().UpdateAsync(principal, "Editor", new RoleInput { Name = "Editor", Permissions = ["ManageUsers"] })));
    }

    [Fact]
    public async Task System_roles_cannot_be_deleted_and_Administrator_permissions_cannot_be_edited()
    {
        var admin = await host.PrincipalForAsync(CmsWebApplicationFactory.AdminUserName);
        var roles = (Func<IServiceProvider, RoleAdministration>)(s => s.GetRequiredService<RoleAdministration>());

        var deleteAdministrator = await host.InScopeAsync(s => roles(s).DeleteAsync(admin, "Administrator"));
        var deleteAnonymous = await host.InScopeAsync(s => roles(s).DeleteAsync(admin, "Anonymous"));
        var editAdministrator = await host.InScopeAsync(s => roles(s).UpdateAsync(admin, "Administrator", new RoleInput { Name = "Administrator", Permissions = ["ManageUsers"] }));
        var unknown = await host.InScopeAsync(s => roles(s).CreateAsync(admin, new RoleInput { Name = TestHost.Unique("Desk"), Permissions = ["Teleport"] }));
        var list = await host.InScopeAsync(s => roles(s).ListAsync(admin));

        Assert.False(deleteAdministrator.Succeeded);
        Assert.False(deleteAnonymous.Succeeded);
        Assert.False(editAdministrator.Succeeded);
        Assert.Contains(unknown.Errors, e => e.Message.Contains("Teleport", StringComparison.Ordinal));
        var administrator = list.Single(r => r.Name == "Administrator");
        Assert.True(administrator.HasAllPermissions);
        Assert.Equal(1, administrator.UserCount);
        Assert.Contains(list, r => r.Name == "Anonymous" && r.IsSystem);
    }

    [Fact]
    public async Task Deleting_a_role_takes_it_from_its_members_and_signs_them_out()
    {
        var admin = await host.PrincipalForAsync(CmsWebApplicationFactory.AdminUserName);
        var roleName = TestHost.Unique("Desk");
        await host.InScopeAsync(s => s.GetRequiredService<RoleAdministration>().CreateAsync(admin, new RoleInput { Name = roleName, Permissions = ["ManageMedia"] }));
        var user = await host.CreateUserAsync(TestHost.Unique("member"), roleName);
        var browser = await host.SignInAsync(user.UserName);

        var deleted = await host.InScopeAsync(s => s.GetRequiredService<RoleAdministration>().DeleteAsync(admin, roleName));
        var reloaded = await host.InScopeAsync(s => s.GetRequiredService<Users.UserAdministration>().GetAsync(admin, user.Id));

        Assert.True(deleted.Succeeded, deleted.ToString());
        Assert.Empty(reloaded!.Roles);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetJsonAsync("/api/me")).Status);
    }

    private static ClientInput Machine(string clientId) => new()
    {
        ClientId = clientId,
        DisplayName = "Machine client",
        AllowClientCredentialsFlow = true,
        Roles = ["Editor"],
    };
}
