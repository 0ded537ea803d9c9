using System.Net;
using Cms.Core.Content;
using Cms.Recipes;
using Cms.Security.OpenId;
using Cms.Security.Tests.Support;
using Cms.Security.Users;
using Cms.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Security.Tests;

/// <summary>The core security flows on PostgreSQL (skipped locally without CMS_TEST_POSTGRES, required in CI).</summary>
public sealed class PostgresSecurityTests
{
    [SkippableFact]
    public async Task Client_credentials_disabled_users_roles_recipe_and_publish_refusal_work_on_PostgreSQL()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var host = new SecurityTestFactory();
        host.WithPostgres(database.ConnectionString);

        // A client-credentials token calls the API; a wrong secret is invalid_client.
        var client = await host.CreateClientAsync(new ClientInput { ClientId = "pg-pipeline", DisplayName = "Pipeline", AllowClientCredentialsFlow = true, Roles = ["Editor"] });
        var http = host.Browser();
        var token = await http.ClientCredentialsTokenAsync(client.ClientId, client.Secret!);
        var (status, me) = await http.GetJsonAsync("/api/me", token);
        var wrong = await http.RequestTokenAsync(("grant_type", "client_credentials"), ("client_id", client.ClientId), ("client_secret", "nope"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("client", me.GetProperty("kind").GetString());
        Assert.Equal("invalid_client", (await wrong.ReadJsonAsync()).GetProperty("error").GetString());

        // Authorization code with PKCE, then a refresh, as the administrator.
        var spa = await host.CreateClientAsync(new ClientInput
        {
            ClientId = "pg-spa",
            DisplayName = "Spa",
            Type = ClientType.Public,
            AllowAuthorizationCodeFlow = true,
            AllowRefreshTokenFlow = true,
            RedirectUris = ["https://app.example.com/cb"],
        });
        var adminBrowser = await host.SignInAsync(CmsWebApplicationFactory.AdminUserName, CmsWebApplicationFactory.AdminPassword);
        var tokens = await adminBrowser.AuthorizationCodeFlowAsync(spa.ClientId, null, "https://app.example.com/cb");
        var refreshed = await http.RequestTokenAsync(("grant_type", "refresh_token"), ("client_id", spa.ClientId), ("refresh_token", tokens.GetProperty("refresh_token").GetString()!));
        Assert.Equal("admin", (await http.GetJsonAsync("/api/me", tokens.GetProperty("access_token").GetString())).Body.GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);

        // A disabled user's cookie is refused on the next request.
        var user = await host.CreateUserAsync("pg-reporter", "Contributor");
        var browser = await host.SignInAsync(user.UserName);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetJsonAsync("/api/me")).Status);
        var admin = await host.PrincipalForAsync(CmsWebApplicationFactory.AdminUserName);
        var disabled = await host.InScopeAsync(s => s.GetRequiredService<UserAdministration>().SetEnabledAsync(admin, user.Id, false));
        Assert.True(disabled.Succeeded, disabled.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetJsonAsync("/api/me")).Status);

        // The setup recipe's Roles step runs again without changing anything, and an unknown permission is refused.
        var recipe = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "recipes", "newsroom.recipe.json")))!;
        var rolesStep = recipe["steps"]!.AsArray().Single(s => (string?)s!["name"] == "Roles")!.DeepClone();
        var rerun = new System.Text.Json.Nodes.JsonObject { ["name"] = "again", ["steps"] = new System.Text.Json.Nodes.JsonArray(rolesStep) }.ToJsonString();
        var before = (await host.Browser().GetJsonAsync("/api/me", token)).Body.GetProperty("permissions").GetRawText();
        await host.InScopeAsync(s => s.GetRequiredService<RecipeExecutor>().ExecuteAsync(rerun, AppContext.BaseDirectory, new RecipeParameters()));
        Assert.Equal(before, (await host.Browser().GetJsonAsync("/api/me", token)).Body.GetProperty("permissions").GetRawText());
        await Assert.ThrowsAsync<RecipeException>(() => host.InScopeAsync(s => s.GetRequiredService<RecipeExecutor>().ExecuteAsync(
            """{ "name": "bad", "steps": [ { "name": "Roles", "Roles": [ { "Name": "Editor", "Permissions": ["Fly_Article"] } ] } ] }""", AppContext.BaseDirectory, new RecipeParameters())));

        // A contributor cannot publish.
        var contributor = await host.CreateUserAsync("pg-contributor", "Contributor");
        var principal = await host.PrincipalForAsync(contributor.UserName);
        var article = new ContentItem
        {
            ContentType = "Article",
            DisplayText = "On PostgreSQL",
            Content = new System.Text.Json.Nodes.JsonObject
            {
                ["TitlePart"] = new System.Text.Json.Nodes.JsonObject { ["Title"] = "On PostgreSQL" },
                ["Article"] = new System.Text.Json.Nodes.JsonObject
                {
                    ["Section"] = new System.Text.Json.Nodes.JsonObject { ["ContentItemIds"] = new System.Text.Json.Nodes.JsonArray("sec-news") },
                    ["Authors"] = new System.Text.Json.Nodes.JsonObject { ["ContentItemIds"] = new System.Text.Json.Nodes.JsonArray("author-pg") },
                },
            },
        };
        var draft = await host.AsUserAsync(principal, s => s.GetRequiredService<IContentManager>().CreateAsync(article, publish: false));
        await Assert.ThrowsAsync<ContentAccessDeniedException>(() => host.AsUserAsync(principal, s => s.GetRequiredService<IContentManager>().PublishAsync(draft.ContentItemId)));
    }
}
