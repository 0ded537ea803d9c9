using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cms.Core.Content;
using Cms.Core.Storage;
using Cms.Workflow.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Cms.E2E;

/// <summary>
/// The editor's desk in a real browser: an Editor filters the content list, bulk-publishes (an approved article goes
/// live, a draft is refused with the reason), opens an article's history, compares two versions and restores the
/// first; every new screen passes axe-core on a desktop and on a phone, and each is kept as a screenshot.
/// </summary>
[Collection(AdminHostCollection.Name)]
public sealed class ContentDeskTests(AdminHostFixture host)
{
    private const string Password = "Desk-Editor-Pass-8";

    [SkippableFact]
    public async Task An_editor_filters_bulk_publishes_compares_two_versions_and_restores_one()
    {
        await using var scenario = await BrowserScenario.StartAsync(host);
        await scenario.RunAsync(async () =>
        {
            var suffix = Guid.NewGuid().ToString("N")[..6];
            var editor = "desk-editor-" + suffix;
            await TestUsers.CreateAsync(scenario.Services, editor, Password, "Editor");
            var (approved, draft, inReview) = await SeedAsync(scenario.Services, suffix);

            var page = await scenario.NewPageAsync();
            await BrowserScenario.SignInAsync(page, editor, Password);
            await BrowserScenario.Navigation(page).GetByRole(AriaRole.Link, new() { Name = "Content" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/admin/content$"));

            // Filter: the title's words, Articles only, by title.
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Content types" }).GetByRole(AriaRole.Link, new() { Name = "Article", Exact = true }).ClickAsync();
            await page.GetByLabel("Title contains").FillAsync("Quay " + suffix);
            await page.GetByLabel("Sort by").SelectOptionAsync("title");
            await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
            await Expect(page.GetByTestId("list-total")).ToContainTextAsync("2 items");
            var rows = page.Locator("tbody tr");
            await Expect(rows).ToHaveCountAsync(2);
            await Expect(rows.Nth(0)).ToContainTextAsync($"Quay {suffix} ferry draft");
            await Expect(rows.Nth(1)).ToContainTextAsync($"Quay {suffix} harbour approved");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "New" })).ToBeVisibleAsync();
            await scenario.CheckAccessibilityAsync(page, "content list");
            await ScreenArtifacts.SaveAsync(page, "content-list");

            // Bulk publish both: the approved one goes live, the draft is refused with the workflow's reason.
            await page.GetByLabel("Select all items on this page").CheckAsync();
            await Expect(page.GetByText("2 selected")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
            var outcome = page.GetByTestId("bulk-outcome");
            await Expect(outcome).ToContainTextAsync("1 of 2 published; 1 refused.");
            await Expect(outcome.Locator($"li[data-item='{approved}']")).ToContainTextAsync("published");
            await Expect(outcome.Locator($"li[data-item='{draft}']")).ToContainTextAsync("refused (409)");
            await Expect(page.Locator($"tr[data-item='{approved}'] [data-stage]")).ToHaveTextAsync("Published");
            await scenario.CheckAccessibilityAsync(page, "content list after a bulk action");
            await ScreenArtifacts.SaveAsync(page, "content-list-bulk-outcome");

            // History of the draft: two versions; compare them; restore the first.
            await page.GetByRole(AriaRole.Link, new() { Name = $"History of Quay {suffix} ferry draft" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("History of");
            await page.GetByLabel("Older").SelectOptionAsync(new SelectOptionValue { Label = "Version 1 (Draft)" });
            await page.GetByLabel("Newer").SelectOptionAsync(new SelectOptionValue { Label = "Version 2 (Draft)" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Compare", Exact = true }).ClickAsync();
            var diff = page.GetByTestId("diff");
            await Expect(diff).ToContainTextAsync("Version 1 → version 2");
            await Expect(diff.Locator("del")).ToContainTextAsync(["Tuesday."]);
            await Expect(diff.Locator("ins")).ToContainTextAsync(["Thursday."]);
            await scenario.CheckAccessibilityAsync(page, "content history with a comparison");
            await ScreenArtifacts.SaveAsync(page, "content-history-diff");

            await page.GetByRole(AriaRole.Button, new() { Name = "Restore as new draft (version 1)" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/admin/content/{draft}/edit$"));
            var versions = await ReadAsync(scenario.Services, sp => sp.GetRequiredService<IContentStore>().GetVersionsAsync(draft));
            Assert.Equal(3, versions.Count);
            Assert.Equal("<p>The ferry leaves on Tuesday.</p>", versions[^1].Content["HtmlBodyPart"]!["Html"]!.GetValue<string>());

            // The dashboard's inbox: the article waiting for review links to its editor.
            await page.GotoAsync("/admin");
            var waiting = page.GetByTestId("inbox-review");
            await Expect(waiting.GetByRole(AriaRole.Link, new() { Name = $"Pier {suffix} review" })).ToHaveAttributeAsync("href", $"/admin/content/{inReview}/edit");
            await scenario.CheckAccessibilityAsync(page, "dashboard with the review inbox");
            await ScreenArtifacts.SaveAsync(page, "dashboard-review-inbox");

            // The same screens on a phone.
            var phone = await scenario.NewPhonePageAsync();
            await BrowserScenario.SignInAsync(phone, editor, Password);
            await phone.GotoAsync($"/admin/content?type=Article&q=Quay+{suffix}");
            var row = phone.Locator($"tr[data-item='{draft}']");
            await AssertOnScreenAsync(row.GetByRole(AriaRole.Link, new() { Name = $"Quay {suffix} ferry draft", Exact = true }), "the title");
            await AssertOnScreenAsync(row.Locator("[data-stage]"), "the stage");
            await AssertOnScreenAsync(row.GetByRole(AriaRole.Link, new() { Name = $"History of Quay {suffix} ferry draft" }), "the History button");
            await scenario.CheckAccessibilityAsync(phone, "content list on a phone");
            await ScreenArtifacts.SaveAsync(phone, "content-list-phone");
            await phone.GotoAsync($"/admin/content/{draft}/history");
            await scenario.CheckAccessibilityAsync(phone, "content history on a phone");
            await ScreenArtifacts.SaveAsync(phone, "content-history-phone");
            await phone.GotoAsync("/admin");
            await scenario.CheckAccessibilityAsync(phone, "dashboard with the inbox on a phone");
            await ScreenArtifacts.SaveAsync(phone, "dashboard-review-inbox-phone");
        });
    }

    /// <summary>Articles by the system: one approved, one draft with two versions, one waiting for review.</summary>
    private static async Task<(string Approved, string Draft, string InReview)> SeedAsync(IServiceProvider services, string suffix)
    {
        using var scope = services.CreateScope();
        var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var workflow = scope.ServiceProvider.GetRequiredService<WorkflowService>();
        var sections = await content.QueryAsync(new Cms.Core.Queries.ContentQuery { ContentType = "Section", Take = 1 });
        var author = await content.CreateAsync(new ContentItem { ContentType = "Author", Content = new JsonObject { ["TitlePart"] = new JsonObject { ["Title"] = $"Quay {suffix} writer" } } }, publish: true);
        var sectionIds = sections.Items.Select(s => (JsonNode)JsonValue.Create(s.ContentItemId)!).ToArray();
        var authorIds = new[] { (JsonNode)JsonValue.Create(author.ContentItemId)! };
        JsonObject Parts(string title, string body) => new()
        {
            ["TitlePart"] = new JsonObject { ["Title"] = title },
            ["HtmlBodyPart"] = new JsonObject { ["Html"] = body },
            ["Article"] = new JsonObject
            {
                ["Section"] = new JsonObject { ["ContentItemIds"] = new JsonArray(sectionIds.Select(n => n.DeepClone()).ToArray()) },
                ["Authors"] = new JsonObject { ["ContentItemIds"] = new JsonArray(authorIds.Select(n => n.DeepClone()).ToArray()) },
            },
        };

        var approved = await content.CreateAsync(new ContentItem { ContentType = "Article", Content = Parts($"Quay {suffix} harbour approved", "<p>Cranes arrive.</p>") }, publish: false);
        await workflow.TransitionAsync(approved.ContentItemId, ContentTransitions.Submit, new TransitionInput());
        await workflow.TransitionAsync(approved.ContentItemId, ContentTransitions.Approve, new TransitionInput());
        var draft = await content.CreateAsync(new ContentItem { ContentType = "Article", Content = Parts($"Quay {suffix} ferry draft", "<p>The ferry leaves on Tuesday.</p>") }, publish: false);
        await content.UpdateAsync(draft.ContentItemId, draft.ContentItemVersionId, Parts($"Quay {suffix} ferry draft", "<p>The ferry leaves on Thursday.</p>"));
        var review = await content.CreateAsync(new ContentItem { ContentType = "Article", Content = Parts($"Pier {suffix} review", "<p>Boats.</p>") }, publish: false);
        await workflow.TransitionAsync(review.ContentItemId, ContentTransitions.Submit, new TransitionInput());
        return (approved.ContentItemId, draft.ContentItemId, review.ContentItemId);
    }

    private static async Task<T> ReadAsync<T>(IServiceProvider services, Func<IServiceProvider, Task<T>> read)
    {
        using var scope = services.CreateScope();
        return await read(scope.ServiceProvider);
    }

    private static async Task AssertOnScreenAsync(ILocator element, string what)
    {
        await Expect(element).ToBeVisibleAsync();
        var box = await element.BoundingBoxAsync();
        var width = BrowserScenario.PhoneViewport.Width;
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.X + box.Width <= width, $"{what} is at x {box.X} to {box.X + box.Width}, off the {width} px screen");
    }
}
