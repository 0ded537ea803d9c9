using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenIddict.Abstractions;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Cms.E2E;

[Collection(AdminHostCollection.Name)]
public sealed class ClientAdministrationTests(AdminHostFixture host)
{
    [SkippableFact]
    public async Task Client_secret_is_shown_once_stored_hashed_rotated_and_the_client_deleted()
    {
        await using var scenario = await BrowserScenario.StartAsync(host);
        await scenario.RunAsync(async () =>
        {
            var clientId = "build-pipeline-" + Guid.NewGuid().ToString("N")[..6];
            var admin = await scenario.NewPageAsync();
            await BrowserScenario.SignInAsync(admin, BrowserScenario.AdminUserName, BrowserScenario.AdminPassword);
            await BrowserScenario.Navigation(admin).GetByRole(AriaRole.Link, new() { Name = "API clients" }).ClickAsync();
            await scenario.CheckAccessibilityAsync(admin, "API clients list");
            await admin.GetByRole(AriaRole.Link, new() { Name = "New client" }).ClickAsync();
            await scenario.CheckAccessibilityAsync(admin, "new API client form");

            // A public client has no secret, so it cannot use the client credentials flow; nothing is created.
            await admin.GetByLabel("Client id").FillAsync(clientId);
            await admin.GetByLabel("Display name").FillAsync("Nightly build");
            await admin.GetByLabel("Public: a browser or mobile app").CheckAsync();
            await admin.GetByRole(AriaRole.Button, new() { Name = "Create client" }).ClickAsync();
            await Expect(admin.GetByText("A public client has no secret, so it cannot use the client credentials flow")).ToBeVisibleAsync();
            await scenario.CheckAccessibilityAsync(admin, "new API client form with errors");

            await admin.GetByLabel("Confidential: runs on a server").CheckAsync();
            await admin.GetByRole(AriaRole.Checkbox, new() { Name = "Editor", Exact = true }).CheckAsync();
            await admin.GetByRole(AriaRole.Button, new() { Name = "Create client" }).ClickAsync();
            var secretBox = admin.GetByTestId("client-secret");
            await Expect(secretBox).ToBeVisibleAsync();
            var secret = await secretBox.InputValueAsync();
            Assert.Equal(43, secret.Length);
            await Expect(admin.GetByText("it is shown only this once")).ToBeVisibleAsync();
            await scenario.CheckAccessibilityAsync(admin, "client secret shown once");

            // Stored hashed: the secret validates, but the stored value is not the secret.
            using (var scope = scenario.Services.CreateScope())
            {
                var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
                var application = await applications.FindByClientIdAsync(clientId);
                Assert.NotNull(application);
                Assert.True(await applications.ValidateClientSecretAsync(application, secret));
                var descriptor = new OpenIddictApplicationDescriptor();
                await applications.PopulateAsync(descriptor, application);
                Assert.NotEqual(secret, descriptor.ClientSecret);
                Assert.Contains(OpenIddictConstants.Permissions.GrantTypes.ClientCredentials, descriptor.Permissions);
            }

            // The secret works at /connect/token, and the token acts with the roles picked in the admin.
            using (var api = new HttpClient { BaseAddress = new Uri(scenario.BaseUrl) })
            {
                using var tokenResponse = await api.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["client_id"] = clientId,
                    ["client_secret"] = secret,
                    ["scope"] = "cms_api",
                }));
                var tokenJson = await tokenResponse.Content.ReadAsStringAsync();
                Assert.True(tokenResponse.IsSuccessStatusCode, tokenJson);
                using var me = new HttpRequestMessage(HttpMethod.Get, "/api/me");
                me.Headers.Authorization = new("Bearer", System.Text.Json.JsonDocument.Parse(tokenJson).RootElement.GetProperty("access_token").GetString());
                using var meResponse = await api.SendAsync(me);
                var meJson = System.Text.Json.JsonDocument.Parse(await meResponse.Content.ReadAsStringAsync()).RootElement;
                Assert.Equal(["Editor"], meJson.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
                Assert.Contains("Publish_Article", meJson.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
            }

            // Never shown again: not on the list, not on the edit page.
            await admin.GetByRole(AriaRole.Link, new() { Name = "I have stored the secret" }).ClickAsync();
            var row = admin.Locator($"tr[data-client='{clientId}']");
            await Expect(row).ToContainTextAsync("Client credentials");
            await Expect(row).ToContainTextAsync("Editor");
            Assert.DoesNotContain(secret, await admin.ContentAsync(), StringComparison.Ordinal);
            await row.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
            Assert.DoesNotContain(secret, await admin.ContentAsync(), StringComparison.Ordinal);
            await scenario.CheckAccessibilityAsync(admin, "API client editor");

            // Edit: allow the authorization code flow with an exact redirect URI.
            await admin.GetByLabel("Authorization code (people sign in through the app)").CheckAsync();
            await admin.GetByLabel("Redirect URIs", new() { Exact = true }).FillAsync("https://preview.example.com/signin-oidc");
            await admin.GetByRole(AriaRole.Button, new() { Name = "Save client" }).ClickAsync();
            await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"The client {clientId} was saved.");
            await Expect(row).ToContainTextAsync("Authorization code");

            // Rotate: a new secret, shown once; the old one stops working.
            await row.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
            await admin.GetByRole(AriaRole.Button, new() { Name = "Rotate secret" }).ClickAsync();
            await admin.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Rotate secret" }).ClickAsync();
            await Expect(secretBox).ToBeVisibleAsync();
            var rotated = await secretBox.InputValueAsync();
            Assert.NotEqual(secret, rotated);
            using (var scope = scenario.Services.CreateScope())
            {
                var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
                var application = await applications.FindByClientIdAsync(clientId);
                Assert.True(await applications.ValidateClientSecretAsync(application!, rotated));
                Assert.False(await applications.ValidateClientSecretAsync(application!, secret));
                Assert.Equal(["https://preview.example.com/signin-oidc"], (await applications.GetRedirectUrisAsync(application!)).ToArray());
            }

            // Delete, after confirming.
            await admin.GotoAsync("/admin/clients");
            await row.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
            await admin.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete client" }).ClickAsync();
            await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"The client {clientId} was deleted");
            await Expect(row).ToHaveCountAsync(0);
        });
    }
}
