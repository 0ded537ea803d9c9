using System.Net;
using Cms.Data;
using Cms.Recipes;
using Cms.Security.Tests.Support;
using Cms.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Security.Tests;

/// <summary>The Roles and OpenIdApplication recipe steps.</summary>
public sealed class RecipeStepTests(SecurityTestFactory host) : IClassFixture<SecurityTestFactory>
{
    [Fact]
    public async Task The_setup_recipe_created_the_newsroom_roles()
    {
        var roles = await PermissionsByRoleAsync();

        Assert.Equal(["Administrator", "Anonymous", "Authenticated", "Author", "Contributor", "Editor"], roles.Keys.Where(k => !k.StartsWith("Desk", StringComparison.Ordinal) && !k.StartsWith("Recipe", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Empty(roles["Administrator"]);
        Assert.Equal(["AccessAdminPanel", "EditOwn_Article", "ManageOwnMedia", "PreviewOwn_Article", "SubmitOwn_Article"], roles["Contributor"]);
        Assert.Contains("Publish_Article", roles["Editor"]);
        Assert.DoesNotContain(roles["Author"], p => p.StartsWith("Publish", StringComparison.Ordinal));
        Assert.Equal(["ExecuteGraphQL", "View_Article", "View_Author", "View_Menu", "View_Page", "View_Section"], roles["Anonymous"]);
    }

    [Fact]
    public async Task Running_the_newsroom_roles_step_again_changes_nothing()
    {
        var before = await PermissionsByRoleAsync();
        var claimCount = await host.InScopeAsync(s => s.GetRequiredService<CmsDbContext>().RoleClaims.CountAsync());
        var recipe = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "recipes", "newsroom.recipe.json")))!;
        var rolesStep = recipe["steps"]!.AsArray().Single(s => (string?)s!["name"] == "Roles")!.DeepClone();

        await RunAsync(new System.Text.Json.Nodes.JsonObject { ["name"] = "again", ["steps"] = new System.Text.Json.Nodes.JsonArray(rolesStep) }.ToJsonString());
        await RunAsync(new System.Text.Json.Nodes.JsonObject { ["name"] = "again", ["steps"] = new System.Text.Json.Nodes.JsonArray(rolesStep.DeepClone()) }.ToJsonString());

        Assert.Equal(claimCount, await host.InScopeAsync(s => s.GetRequiredService<CmsDbContext>().RoleClaims.CountAsync()));
        var after = await PermissionsByRoleAsync();
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        foreach (var (role, permissions) in before)
        {
            Assert.Equal(permissions, after[role]);
        }
    }

    [Fact]
    public async Task Permission_behaviors_add_and_remove_and_replace()
    {
        var name = TestHost.Unique("Recipe");

        await RunAsync(RolesRecipe($$"""{ "Name": "{{name}}", "Description": "Test role", "Permissions": ["View_Article", "ManageMedia"] }"""));
        await RunAsync(RolesRecipe($$"""{ "Name": "{{name}}", "PermissionBehavior": "Add", "Permissions": ["Publish_Article"] }"""));
        var added = (await PermissionsByRoleAsync())[name];
        await RunAsync(RolesRecipe($$"""{ "Name": "{{name}}", "PermissionBehavior": "Remove", "Permissions": ["ManageMedia"] }"""));
        var removed = (await PermissionsByRoleAsync())[name];
        await RunAsync(RolesRecipe($$"""{ "Name": "{{name}}", "Permissions": ["ExecuteGraphQL"] }"""));
        var replaced = (await PermissionsByRoleAsync())[name];

        Assert.Equal(["ManageMedia", "Publish_Article", "View_Article"], added);
        Assert.Equal(["Publish_Article", "View_Article"], removed);
        Assert.Equal(["ExecuteGraphQL"], replaced);
    }

    [Fact]
    public async Task An_unknown_permission_fails_the_recipe_naming_its_path_and_nothing_is_kept()
    {
        var name = TestHost.Unique("Recipe");

        var error = await Assert.ThrowsAsync<RecipeException>(() => RunAsync(RolesRecipe(
            $$"""{ "Name": "{{name}}", "Permissions": ["View_Article"] }""",
            """{ "Name": "Editor", "Permissions": ["Edit_Article", "Edit_Articel"] }""")));

        Assert.Equal("$.steps[0].Roles[1].Permissions[1]", error.JsonPath);
        Assert.Contains("Edit_Articel", error.Message, StringComparison.Ordinal);
        Assert.False((await PermissionsByRoleAsync()).ContainsKey(name));
    }

    [Fact]
    public async Task A_client_from_the_OpenIdApplication_step_gets_tokens_and_rerunning_it_keeps_the_secret()
    {
        var clientId = TestHost.Unique("recipe-client");
        var step = $$"""
            {
              "name": "OpenIdApplication",
              "ClientId": "{{clientId}}",
              "DisplayName": "Recipe client",
              "Type": "Confidential",
              "ClientSecret": "recipe-secret-1234567890",
              "AllowClientCredentialsFlow": true,
              "RoleEntries": [ { "Name": "Editor" }, { "Name": "Author", "Selected": false } ]
            }
            """;

        await RunAsync($$"""{ "name": "client", "steps": [ {{step}} ] }""");
        await RunAsync($$"""{ "name": "client", "steps": [ {{step.Replace("\"ClientSecret\": \"recipe-secret-1234567890\",", "", StringComparison.Ordinal)}} ] }""");
        var http = host.Browser();
        var token = await http.ClientCredentialsTokenAsync(clientId, "recipe-secret-1234567890");
        var (status, me) = await http.GetJsonAsync("/api/me", token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["Editor"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Theory]
    [InlineData("""{ "name": "OpenIdApplication", "ClientId": "x1", "Type": "Public", "AllowClientCredentialsFlow": true }""", "$.steps[0].AllowClientCredentialsFlow")]
    [InlineData("""{ "name": "OpenIdApplication", "ClientId": "x2", "AllowClientCredentialsFlow": true }""", "$.steps[0].ClientSecret")]
    [InlineData("""{ "name": "OpenIdApplication", "ClientId": "x3", "ClientSecret": "s-1234567890", "AllowClientCredentialsFlow": true, "RoleEntries": [ { "Name": "Wizard" } ] }""", "$.steps[0].RoleEntries")]
    [InlineData("""{ "name": "OpenIdApplication", "ClientId": "x4", "Type": "Public", "AllowAuthorizationCodeFlow": true, "RedirectUris": "/relative" }""", "$.steps[0].RedirectUris")]
    [InlineData("""{ "name": "OpenIdApplication", "ClientId": "x5", "ClientSecret": "s-1234567890", "AllowPasswordFlow": true }""", "$.steps[0].AllowPasswordFlow")]
    [InlineData("""{ "name": "OpenIdApplication", "ClientId": "x6", "ClientSecret": "s-1234567890", "AllowClientCredentialsFlow": true, "Colour": "red" }""", "$.steps[0].Colour")]
    public async Task A_bad_OpenIdApplication_step_names_the_offending_property(string step, string path)
    {
        var error = await Assert.ThrowsAsync<RecipeException>(() => RunAsync($$"""{ "name": "bad", "steps": [ {{step}} ] }"""));

        Assert.Equal(path, error.JsonPath);
    }

    private static string RolesRecipe(params string[] roles) =>
        $$"""{ "name": "roles", "steps": [ { "name": "Roles", "Roles": [ {{string.Join(", ", roles)}} ] } ] }""";

    private Task<RecipeResult> RunAsync(string json) =>
        host.InScopeAsync(s => s.GetRequiredService<RecipeExecutor>().ExecuteAsync(json, AppContext.BaseDirectory, new RecipeParameters()));

    private Task<Dictionary<string, List<string>>> PermissionsByRoleAsync() =>
        host.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<CmsDbContext>();
            var roles = await db.Roles.AsNoTracking().ToListAsync();
            var claims = await db.RoleClaims.AsNoTracking().Where(c => c.ClaimType == "Permission").ToListAsync();
            return roles.ToDictionary(r => r.Name!, r => claims.Where(c => c.RoleId == r.Id).Select(c => c.ClaimValue!).Order(StringComparer.Ordinal).ToList());
        });
}
