using Cms.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Cms.E2E;

[Collection(AdminHostCollection.Name)]
public sealed class RoleAdministrationTests(AdminHostFixture host)
{
    [SkippableFact]
    public async Task Administrator_creates_a_role_with_content_permissions_and_deletes_it_but_not_the_Administrator_role()
    {
        await using var scenario = await BrowserScenario.StartAsync(host);
        await scenario.RunAsync(async () =>
        {
            var roleName = "Fact checkers " + Guid.NewGuid().ToString("N")[..6];
            var admin = await scenario.NewPageAsync();
            await BrowserScenario.SignInAsync(admin, BrowserScenario.AdminUserName, BrowserScenario.AdminPassword);
            await admin.GotoAsync("/admin/roles");
            await Expect(admin.Locator("tr[data-role='Administrator']").GetByRole(AriaRole.Button, new() { Name = "Delete" })).ToHaveCountAsync(0);

            await admin.GetByRole(AriaRole.Link, new() { Name = "New role" }).ClickAsync();
            await scenario.CheckAccessibilityAsync(admin, "new role form");
            await admin.GetByLabel("Role name").FillAsync(roleName);
            await admin.GetByLabel("Description").FillAsync("Checks facts before publication.");
            await admin.GetByRole(AriaRole.Checkbox, new() { Name = "Open the admin. AccessAdminPanel" }).CheckAsync();
            var article = admin.Locator("section[data-group='Article']");
            await article.GetByRole(AriaRole.Checkbox, new() { Name = "Preview drafts of any Article." }).CheckAsync();
            await article.GetByRole(AriaRole.Checkbox, new() { Name = "Read any Article." }).CheckAsync();
            // The workflow's permissions are in the matrix with their descriptions.
            await article.GetByRole(AriaRole.Checkbox, new() { Name = "Review Article items: approve them or request changes, and assign reviewers." }).CheckAsync();
            await Expect(article.GetByRole(AriaRole.Checkbox, new() { Name = "Send their own Article items for review and pull them back." })).ToHaveCountAsync(1);
            await admin.GetByRole(AriaRole.Button, new() { Name = "Create role" }).ClickAsync();
            await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"The role {roleName} was created.");
            await Expect(admin.Locator($"tr[data-role='{roleName}']")).ToContainTextAsync("4");

            using (var scope = scenario.Services.CreateScope())
            {
                var roles = scope.ServiceProvider.GetRequiredService<RoleManager<CmsRole>>();
                var stored = await roles.FindByNameAsync(roleName);
                var claims = (await roles.GetClaimsAsync(stored!)).Where(c => c.Type == "Permission").Select(c => c.Value).Order(StringComparer.Ordinal);
                Assert.Equal(["AccessAdminPanel", "Preview_Article", "Review_Article", "View_Article"], claims);
            }

            // The Administrator role: every box ticked and locked.
            await admin.GotoAsync("/admin/roles/Administrator/edit");
            await Expect(admin.GetByRole(AriaRole.Checkbox, new() { Name = "Create, edit and delete roles and their permissions. ManageRoles" })).ToBeCheckedAsync();
            await Expect(admin.GetByRole(AriaRole.Checkbox, new() { Name = "Create, edit and delete roles and their permissions. ManageRoles" })).ToBeDisabledAsync();
            await scenario.CheckAccessibilityAsync(admin, "Administrator role");

            // A forged delete of the Administrator role (valid antiforgery token, handler called by hand) is refused.
            await admin.GotoAsync("/admin/roles");
            await admin.EvaluateAsync("""
                () => {
                    const token = document.querySelector("input[name=__RequestVerificationToken]").value;
                    const form = document.createElement("form");
                    form.method = "post";
                    form.action = "/admin/roles?handler=Delete&name=Administrator";
                    form.innerHTML = `<input type="hidden" name="__RequestVerificationToken" value="${token}">`;
                    document.body.appendChild(form);
                    form.submit();
                }
                """);
            await Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("'Administrator' is a system role and cannot be deleted.");

            // Deleting the new role goes through a confirmation dialog.
            await admin.Locator($"tr[data-role='{roleName}']").GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
            var dialog = admin.GetByRole(AriaRole.Dialog);
            await Expect(dialog).ToContainTextAsync($"Delete the role {roleName}?");
            await scenario.CheckAccessibilityAsync(admin, "delete role dialog");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete role" }).ClickAsync();
            await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"The role {roleName} was deleted.");
            await Expect(admin.Locator($"tr[data-role='{roleName}']")).ToHaveCountAsync(0);
            await Expect(admin.Locator("tr[data-role='Administrator']")).ToHaveCountAsync(1);
        });
    }

    [SkippableFact]
    public async Task A_form_post_without_the_antiforgery_token_is_rejected_and_changes_nothing()
    {
        await using var scenario = await BrowserScenario.StartAsync(host);
        await scenario.RunAsync(async () =>
        {
            var admin = await scenario.NewPageAsync();
            await BrowserScenario.SignInAsync(admin, BrowserScenario.AdminUserName, BrowserScenario.AdminPassword);
            var roleName = "Forged" + Guid.NewGuid().ToString("N")[..6];

            // The signed-in administrator's cookies go along, as they would from another site's form.
            var response = await admin.Context.APIRequest.PostAsync("/admin/roles/create", new()
            {
                Form = admin.Context.APIRequest.CreateFormData().Set("Input.Name", roleName).Set("Input.Permissions", "ManageUsers"),
                MaxRedirects = 0,
            });
            Assert.Equal(400, response.Status);

            using var scope = scenario.Services.CreateScope();
            Assert.False(await scope.ServiceProvider.GetRequiredService<RoleManager<CmsRole>>().RoleExistsAsync(roleName));
        });
    }
}
