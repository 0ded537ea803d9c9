using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cms.Workflow.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cms.E2E;

/// <summary>
/// The newsroom story end to end, in the admin: a contributor writes and submits an article, an editor sends it back with
/// a comment, the contributor fixes and resubmits it, the editor approves and schedules it, time passes, and a front
/// end reads it anonymously through GraphQL. The host's clock is the test's, so "time passes" is one line.
/// </summary>
[Collection(NewsroomHostCollection.Name)]
public sealed class NewsroomStoryTests(NewsroomHostFixture host)
{
    private const string Password = "Newsroom-Story-Pass-7";

    [SkippableFact]
    public async Task A_contributor_writes_an_editor_reviews_and_schedules_and_the_article_goes_live_for_front_ends()
    {
        await using var scenario = await BrowserScenario.StartAsync(host);
        await scenario.RunAsync(async () =>
        {
            await EditorSeed.ApplyRecipeAsync(scenario.Services);
            await EditorSeed.UploadImageAsync(scenario.Services, "harbour-cover.jpg", "Cranes at the harbour at dawn");
            var suffix = Guid.NewGuid().ToString("N")[..6];
            await TestUsers.CreateAsync(scenario.Services, "writer-" + suffix, Password, "Contributor");
            await TestUsers.CreateAsync(scenario.Services, "desk-" + suffix, Password, "Editor");

            // The contributor writes the article.
            var writer = await scenario.NewPageAsync();
            await EditorPage.WatchErrorsAsync(writer);
            await BrowserScenario.SignInAsync(writer, "writer-" + suffix, Password);
            var draft = await EditorPage.OpenNewAsync(writer, "Article");
            await writer.GetByLabel("Title", new() { Exact = true }).FillAsync("New ferry line links the islands");
            await Expect(writer.GetByLabel("Path", new() { Exact = true })).ToHaveValueAsync("articles/new-ferry-line-links-the-islands");
            await writer.GetByLabel("Lead").FillAsync("Two boats a day from May, with bikes on board.");
            await draft.RichText("Body").ClickAsync();
            await draft.RichTextButton("Body", "Heading").ClickAsync();
            await writer.Keyboard.TypeAsync("What changes");
            await writer.Keyboard.PressAsync("Enter");
            await writer.Keyboard.TypeAsync("The timetable is at ");
            await draft.RichTextButton("Body", "Link").ClickAsync();
            var linkDialog = writer.GetByRole(AriaRole.Dialog, new() { Name = "Link" });
            await linkDialog.GetByLabel("Address (https://…)").FillAsync("https://example.com/ferries");
            await linkDialog.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();
            await Expect(linkDialog).ToBeHiddenAsync();
            await Expect(draft.RichText("Body")).ToBeFocusedAsync();
            await writer.Keyboard.TypeAsync(" and on the quay.");
            await Expect(writer.GetByTestId("word-count")).ToHaveTextAsync("14 words");
            await draft.PickAsync("Section", "Econ", "Economy");
            await draft.PickAsync("Authors", "Lale", "Lale Mammadli");
            await draft.PickAsync("Authors", "Rauf", "Rauf Aliyev");
            await draft.AddTagsAsync("Tags", "ferries", "islands");
            await draft.ChooseMediaAsync("Cover image", "Cranes", "Choose harbour-cover");
            await draft.SaveAsync();
            var id = draft.ItemId;
            await draft.TransitionAsync("Submit for review", "In review");
            await Expect(draft.Workflow.GetByRole(AriaRole.Button, new() { Name = "Publish now" })).ToHaveCountAsync(0);
            await Expect(draft.Workflow.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToHaveCountAsync(0);
            await Expect(draft.Workflow.GetByRole(AriaRole.Button, new() { Name = "Schedule" })).ToHaveCountAsync(0);
            await scenario.CheckAccessibilityAsync(writer, "editor (contributor)");
            await EditorPage.ScreenshotAsync(writer, "story-1-contributor-submitted");

            // A publish forged with the contributor's own cookie and antiforgery token is refused, and changes nothing.
            var version = await writer.Locator("#cms-editor").GetAttributeAsync("data-version");
            var forged = await writer.EvaluateAsync<int>(
                "async ([id, version]) => (await window.cmsApi.fetch(`/api/content/${id}/transitions/publish`, { method: 'POST', headers: { 'If-Match': `\"${version}\"` }, body: {} })).status",
                new[] { id, version });
            Assert.Equal(403, forged);
            Assert.Equal("InReview", (await EditorSeed.LatestAsync(scenario.Services, id)).Stage);

            // The editor opens it and requests changes, with a comment.
            var desk = await scenario.NewPageAsync();
            await EditorPage.WatchErrorsAsync(desk);
            await BrowserScenario.SignInAsync(desk, "desk-" + suffix, Password);
            var review = await EditorPage.OpenAsync(desk, id);
            await Expect(review.Stage).ToHaveTextAsync("In review");
            await review.TransitionAsync("Request changes", "Draft", comment: "Please add the fares.");
            await Expect(desk.GetByTestId("comments")).ToContainTextAsync("Please add the fares.");
            await EditorPage.ScreenshotAsync(desk, "story-2-editor-requested-changes");

            // The contributor sees the comment, fixes the article and resubmits it.
            await writer.ReloadAsync();
            draft = await EditorPage.ReadyAsync(writer);
            await Expect(writer.GetByTestId("comments")).ToContainTextAsync("Please add the fares.");
            await Expect(draft.Stage).ToHaveTextAsync("Draft");
            await writer.GetByLabel("Lead").FillAsync("Two boats a day from May, with bikes on board; a crossing costs 4 manat.");
            // Ctrl+Shift+P previews the form as it is (posted to the preview in a new tab); Ctrl+Enter saves and submits.
            var previewPosted = new TaskCompletionSource<IRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
            writer.Context.Request += (_, request) =>
            {
                if (request.Url.EndsWith("/admin/preview", StringComparison.Ordinal) && request.Method == "POST")
                {
                    previewPosted.TrySetResult(request);
                }
            };
            await writer.Keyboard.PressAsync("Control+Shift+P");
            var preview = await previewPosted.Task.WaitAsync(TimeSpan.FromSeconds(15));
            Assert.Contains("a crossing costs 4 manat", Uri.UnescapeDataString((preview.PostData ?? "").Replace('+', ' ')), StringComparison.Ordinal);
            Assert.Contains("__RequestVerificationToken=", preview.PostData, StringComparison.Ordinal);
            await writer.BringToFrontAsync();
            await writer.Keyboard.PressAsync("Control+Enter");
            await Expect(draft.Stage).ToHaveTextAsync("In review");
            Assert.Equal("Two boats a day from May, with bikes on board; a crossing costs 4 manat.",
                (await EditorSeed.LatestAsync(scenario.Services, id)).Content["Article"]!["Lead"]!["Text"]!.GetValue<string>());

            // The editor approves it and schedules it for an hour from now (typed in the site's time zone, Asia/Baku).
            await desk.ReloadAsync();
            review = await EditorPage.ReadyAsync(desk);
            await Expect(desk.GetByLabel("Lead")).ToHaveValueAsync("Two boats a day from May, with bikes on board; a crossing costs 4 manat.");
            await review.TransitionAsync("Approve", "Approved");
            var baku = TimeZoneInfo.FindSystemTimeZoneById("Asia/Baku");
            var publishAt = host.Clock.GetUtcNow().AddHours(1);
            var publishAtUtc = new DateTimeOffset(publishAt.Year, publishAt.Month, publishAt.Day, publishAt.Hour, publishAt.Minute, 0, TimeSpan.Zero);
            var local = TimeZoneInfo.ConvertTime(publishAtUtc, baku);
            await desk.GetByLabel("Publish at", new() { Exact = true }).FillAsync(local.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
            await review.Workflow.GetByRole(AriaRole.Button, new() { Name = "Schedule" }).ClickAsync();
            await Expect(desk.GetByTestId("schedules")).ToContainTextAsync("Publishes");
            await Expect(review.Status).ToHaveTextAsync("Scheduled");
            await scenario.CheckAccessibilityAsync(desk, "editor (editor, scheduled)");
            await EditorPage.ScreenshotAsync(desk, "story-3-editor-scheduled");
            await desk.SetViewportSizeAsync(1366, 900);
            await desk.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserScenario.ScreenshotDirectory, "readme-editor-workflow.png") });
            var due = await InScopeAsync(sp => sp.GetRequiredService<PublishingScheduler>().ListAsync(id));
            Assert.Equal(publishAtUtc.UtcDateTime, Assert.Single(due, s => s.Status == "Pending").DueUtc);

            // Not live yet for front ends; then the clock moves past the time and the scheduler runs.
            Assert.Empty((await AnonymousArticleAsync(scenario.BaseUrl, id))["data"]!["article"]!.AsArray());
            host.Clock.Advance(TimeSpan.FromHours(2));
            Assert.Equal(1, await InScopeAsync(sp => sp.GetRequiredService<PublishingScheduler>().RunDueAsync()));

            var article = Assert.Single((await AnonymousArticleAsync(scenario.BaseUrl, id))["data"]!["article"]!.AsArray())!;
            Assert.Equal("New ferry line links the islands", article["displayText"]!.GetValue<string>());
            Assert.Equal("Two boats a day from May, with bikes on board; a crossing costs 4 manat.", article["lead"]!.GetValue<string>());
            Assert.Equal("articles/new-ferry-line-links-the-islands", article["autoroutePart"]!["path"]!.GetValue<string>());
            var html = article["htmlBodyPart"]!["html"]!.GetValue<string>();
            Assert.Contains("<h2>What changes</h2>", html, StringComparison.Ordinal);
            Assert.Contains("href=\"https://example.com/ferries\"", html, StringComparison.Ordinal);
            Assert.Equal(["Economy"], article["section"]!["contentItems"]!.AsArray().Select(s => s!["displayText"]!.GetValue<string>()));
            Assert.Equal(["Lale Mammadli", "Rauf Aliyev"], article["authors"]!["contentItems"]!.AsArray().Select(s => s!["displayText"]!.GetValue<string>()));
            Assert.Equal(["ferries", "islands"], article["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
            var cover = Assert.Single(article["coverImage"]!["files"]!.AsArray())!;
            Assert.Contains("harbour-cover", cover["url"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal("Cranes at the harbour at dawn", cover["mediaText"]!.GetValue<string>());
            // Published when the scheduler ran after the time: never early.
            Assert.True(article["publishedUtc"]!.GetValue<DateTime>().ToUniversalTime() >= publishAtUtc.UtcDateTime);

            // On a phone, the writing area comes first and the page stays accessible.
            var phone = await scenario.NewPhonePageAsync();
            await BrowserScenario.SignInAsync(phone, "desk-" + suffix, Password);
            await EditorPage.OpenAsync(phone, id);
            var form = await phone.Locator("#editor-form").BoundingBoxAsync();
            var side = await phone.Locator(".editor-side").BoundingBoxAsync();
            Assert.True(form!.Y < side!.Y, $"the form ({form.Y}) should come before the side panel ({side.Y}) on a phone");
            Assert.True(form.Width <= BrowserScenario.PhoneViewport.Width, $"the form ({form.Width} px) should fit the phone's width");
            await scenario.CheckAccessibilityAsync(phone, "editor on a phone");
            await EditorPage.ScreenshotAsync(phone, "story-4-editor-on-a-phone");
        });

        async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
        {
            await using var scope = host.Services.CreateAsyncScope();
            return await action(scope.ServiceProvider);
        }
    }

    private static async Task<JsonNode> AnonymousArticleAsync(string baseUrl, string id)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var query = """
            query Article($id: ID!) {
              article(where: { contentItemId: $id }) {
                displayText lead tags publishedUtc readingMinutes
                autoroutePart { path }
                htmlBodyPart { html }
                section { contentItems { displayText } }
                authors { contentItems { displayText } }
                coverImage { files { url mediaText } }
              }
            }
            """;
        using var response = await http.PostAsJsonAsync("/api/graphql", new { query, variables = new { id } });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var json = JsonNode.Parse(body)!;
        Assert.Null(json["errors"]);
        return json;
    }
}
