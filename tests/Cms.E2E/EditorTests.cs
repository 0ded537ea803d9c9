using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cms.E2E;

/// <summary>The generated editor: every field kind, errors next to their fields, conflicts, autosave.</summary>
[Collection(AdminHostCollection.Name)]
public sealed class EditorTests(AdminHostFixture host)
{
    private const string Password = "Editor-Test-Pass-7";

    [SkippableFact]
    public async Task A_type_defined_only_by_a_recipe_gets_an_editor_for_every_field_kind_that_creates_validates_and_saves()
    {
        await using var scenario = await BrowserScenario.StartAsync(host);
        await scenario.RunAsync(async () =>
        {
            await EditorSeed.ApplyRecipeAsync(scenario.Services);
            var page = await scenario.NewPageAsync();
            await EditorPage.WatchErrorsAsync(page);
            await BrowserScenario.SignInAsync(page, BrowserScenario.AdminUserName, BrowserScenario.AdminPassword);
            var editor = await EditorPage.OpenNewAsync(page, "Dispatch");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New Dispatch" })).ToBeVisibleAsync();

            await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Harbour cranes arrive");
            await Expect(page.GetByLabel("Path", new() { Exact = true })).ToHaveValueAsync("dispatches/harbour-cranes-arrive");
            await editor.RichText("Body").ClickAsync();
            await page.Keyboard.TypeAsync("Four cranes came ashore on Tuesday.");
            await page.GetByLabel("Summary").FillAsync("Line one.\nLine two.");
            await editor.RichText("Desk notes").ClickAsync();
            await page.Keyboard.TypeAsync("Check the tonnage.");
            await page.GetByLabel("Priority").FillAsync("3");
            await page.GetByLabel("Urgent").CheckAsync();
            await page.GetByLabel("Embargo until").FillAsync("2026-12-24T09:30");
            await editor.AddTagsAsync("Keywords", "ports", "Logistics");
            await editor.Field("Source").GetByLabel("Address").FillAsync("ftp://example.com/cranes");
            await editor.Field("Source").GetByLabel("Link text").FillAsync("Port authority");
            await editor.PickAsync("Sections", "Econ", "Economy");
            await editor.PickAsync("Sections", "Ener", "Energy");
            await editor.Field("Sections").GetByRole(AriaRole.Button, new() { Name = "Move Energy up" }).ClickAsync();
            await editor.Field("Photo").GetByRole(AriaRole.Button, new() { Name = "Choose from the media library" }).ClickAsync();
            var upload = Path.Combine(Path.GetTempPath(), $"crane-{Guid.NewGuid():N}.jpg");
            await File.WriteAllBytesAsync(upload, EditorSeed.Jpeg(400, 300));
            await page.GetByLabel("Upload an image").SetInputFilesAsync(upload);
            await Expect(page.GetByRole(AriaRole.Dialog, new() { Name = "Media library" })).ToBeHiddenAsync();
            await Expect(editor.Field("Photo").Locator("code")).ToContainTextAsync("crane");

            // The kicker is required and the link must be http(s): the server says so, next to each field.
            await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
            await Expect(editor.Field("Kicker").Locator(".cms-field-errors")).ToContainTextAsync("'Kicker' is required.");
            await Expect(editor.Field("Source").Locator(".cms-field-errors")).ToContainTextAsync("Must be an http, https or mailto address");
            await Expect(page.GetByLabel("Kicker")).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Kicker:");
            await Expect(editor.Status).ToContainTextAsync("Not saved");
            await EditorPage.ScreenshotAsync(page, "editor-validation");
            // Every value typed is still there.
            await Expect(page.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync("Harbour cranes arrive");
            await Expect(page.GetByLabel("Summary")).ToHaveValueAsync("Line one.\nLine two.");
            await Expect(editor.RichText("Body")).ToContainTextAsync("Four cranes came ashore on Tuesday.");
            await Expect(page.GetByLabel("Priority")).ToHaveValueAsync("3");
            await Expect(editor.Field("Keywords").Locator("[data-tags]")).ToContainTextAsync("logistics");
            await Expect(editor.Field("Sections").Locator("[data-picked] li")).ToHaveTextAsync(["Energy", "Economy"]);
            Assert.Contains("/admin/content/new/Dispatch", page.Url, StringComparison.Ordinal);

            await page.GetByLabel("Kicker").FillAsync("Ports");
            await editor.Field("Source").GetByLabel("Address").FillAsync("https://example.com/cranes");
            await editor.SaveAsync();
            await Expect(editor.Field("Kicker").Locator(".cms-field-errors")).ToBeEmptyAsync();
            var id = editor.ItemId;

            var stored = await EditorSeed.LatestAsync(scenario.Services, id);
            var dispatch = stored.Content["Dispatch"]!;
            Assert.Equal("Harbour cranes arrive", stored.DisplayText);
            Assert.Equal("dispatches/harbour-cranes-arrive", stored.Content["AutoroutePart"]!["Path"]!.GetValue<string>());
            Assert.Contains("Four cranes came ashore on Tuesday.", stored.Content["HtmlBodyPart"]!["Html"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal("Ports", dispatch["Kicker"]!["Text"]!.GetValue<string>());
            Assert.Equal("Line one.\nLine two.", dispatch["Summary"]!["Text"]!.GetValue<string>());
            Assert.Contains("Check the tonnage.", dispatch["Notes"]!["Html"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(3m, dispatch["Priority"]!["Value"]!.GetValue<decimal>());
            Assert.True(dispatch["Urgent"]!["Value"]!.GetValue<bool>());
            // Typed in the site's time zone (Asia/Baku, UTC+4), stored in UTC.
            Assert.Equal(new DateTime(2026, 12, 24, 5, 30, 0, DateTimeKind.Utc), DateTime.Parse(dispatch["Embargo"]!["Value"]!.GetValue<string>(), null, System.Globalization.DateTimeStyles.AdjustToUniversal));
            Assert.Equal(["ports", "logistics"], dispatch["Keywords"]!["Tags"]!.AsArray().Select(t => t!.GetValue<string>()));
            Assert.Equal("https://example.com/cranes", dispatch["Source"]!["Url"]!.GetValue<string>());
            Assert.Equal("Port authority", dispatch["Source"]!["Text"]!.GetValue<string>());
            Assert.Equal(["sec-energy", "sec-economy"], dispatch["Sections"]!["ContentItemIds"]!.AsArray().Select(t => t!.GetValue<string>()));
            var photo = Assert.Single(dispatch["Photo"]!["Paths"]!.AsArray());
            Assert.Contains("crane", photo!.GetValue<string>(), StringComparison.Ordinal);

            // Reopened, the editor shows what was stored; an edit makes a new version.
            await page.ReloadAsync();
            editor = await EditorPage.ReadyAsync(page);
            await Expect(page.GetByLabel("Kicker")).ToHaveValueAsync("Ports");
            await Expect(page.GetByLabel("Priority")).ToHaveValueAsync("3");
            await Expect(page.GetByLabel("Urgent")).ToBeCheckedAsync();
            await Expect(page.GetByLabel("Embargo until")).ToHaveValueAsync("2026-12-24T09:30");
            await Expect(editor.Field("Sections").Locator("[data-picked] li")).ToHaveTextAsync(["Energy", "Economy"]);
            await Expect(editor.Field("Keywords").Locator("[data-tags] li")).ToHaveTextAsync(["ports", "logistics"]);
            await scenario.CheckAccessibilityAsync(page, "generated editor");
            // The media field opens the library's crop editor for this item's own card crop.
            await editor.Field("Photo").GetByRole(AriaRole.Button, new() { Name = $"Focal point and crops of {photo.GetValue<string>()} in this item" }).ClickAsync();
            var crops = page.GetByRole(AriaRole.Dialog, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Crops and focal point of ") });
            await Expect(crops).ToBeVisibleAsync();
            await crops.GetByRole(AriaRole.Tab, new() { Name = "Focal point" }).PressAsync("ArrowRight");
            var cardTab = crops.GetByRole(AriaRole.Tab, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Card ") });
            await Expect(cardTab).ToHaveAttributeAsync("aria-selected", "true");
            var stage = crops.GetByRole(AriaRole.Group, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Card crop") });
            await Expect(stage.Locator(".cropper-crop-box")).ToBeVisibleAsync();
            await stage.FocusAsync();
            for (var i = 0; i < 20; i++)
            {
                await page.Keyboard.PressAsync("Shift+ArrowLeft");
            }

            await Expect(crops.Locator(".crop-editor-preview[data-profile='card']")).ToContainTextAsync("Custom");
            await crops.GetByRole(AriaRole.Button, new() { Name = "Save crops" }).ClickAsync();
            await Expect(crops).ToBeHiddenAsync();

            await page.GetByLabel("Priority").FillAsync("4");
            await editor.SaveAsync();
            var edited = await EditorSeed.LatestAsync(scenario.Services, id);
            Assert.NotEqual(stored.ContentItemVersionId, edited.ContentItemVersionId);
            Assert.Equal(4m, edited.Content["Dispatch"]!["Priority"]!["Value"]!.GetValue<decimal>());
            var card = edited.Content["Dispatch"]!["Photo"]!["Crops"]![0]!["card"]!;
            Assert.InRange(card["Width"]!.GetValue<double>(), 0.05, 0.99);
            Assert.InRange(card["Width"]!.GetValue<double>() * 400 / (card["Height"]!.GetValue<double>() * 300), 16 / 9.0 - 0.03, 16 / 9.0 + 0.03);
            Assert.NotNull(edited.Content["Dispatch"]!["Photo"]!["Anchors"]);
            await EditorPage.ScreenshotAsync(page, "editor-every-kind");
        });
    }

    [SkippableFact]
    public async Task Text_pasted_from_Word_or_Google_Docs_keeps_headings_bold_and_links_and_loses_the_office_markup()
    {
        await using var scenario = await BrowserScenario.StartAsync(host);
        await scenario.RunAsync(async () =>
        {
            await EditorSeed.ApplyRecipeAsync(scenario.Services);
            var article = await EditorSeed.ArticleAsync(scenario.Services, "Pasted report", "");
            var page = await scenario.NewPageAsync();
            await EditorPage.WatchErrorsAsync(page);
            await BrowserScenario.SignInAsync(page, BrowserScenario.AdminUserName, BrowserScenario.AdminPassword);
            var editor = await EditorPage.OpenAsync(page, article.ContentItemId);
            await editor.RichText("Body").ClickAsync();

            // What Word and Google Docs put on the clipboard, pasted as a browser pastes it.
            await editor.RichText("Body").EvaluateAsync("""
                (target, html) => {
                    const data = new DataTransfer();
                    data.setData("text/html", html);
                    data.setData("text/plain", "fallback");
                    target.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
                }
                """,
                """
                <html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal { margin: 0 }</style></head><body>
                <!--[if gte mso 9]><xml><o:OfficeDocumentSettings></o:OfficeDocumentSettings></xml><![endif]-->
                <b style="font-weight:normal;" id="docs-internal-guid-1234">
                <h2 class="MsoHeading2" style="mso-outline-level:2">Port figures</h2>
                <p class="MsoNormal" style="mso-line-height-rule:exactly"><span style="font-weight:700">Cargo rose</span> by a fifth, <span style="font-style:italic">says</span> the <a href="https://example.com/port" style="color:red" onclick="alert(1)">port</a>.<o:p></o:p></p>
                <p class="MsoListParagraph"><span style="mso-list:Ignore">1.</span>First berth reopened</p>
                <p><a href="javascript:alert(1)">bad link</a></p>
                </b></body></html>
                """);
            await editor.SaveAsync();

            var html = (await EditorSeed.LatestAsync(scenario.Services, article.ContentItemId)).Content["HtmlBodyPart"]!["Html"]!.GetValue<string>();
            Assert.Contains("<h2>Port figures</h2>", html, StringComparison.Ordinal);
            Assert.Contains("<strong>Cargo rose</strong>", html, StringComparison.Ordinal);
            Assert.Contains("<em>says</em>", html, StringComparison.Ordinal);
            Assert.Contains("href=\"https://example.com/port\"", html, StringComparison.Ordinal);
            Assert.Contains("First berth reopened", html, StringComparison.Ordinal);
            foreach (var unwanted in new[] { "Mso", "mso-", "style=", "class=", "onclick", "javascript:", "o:p", "docs-internal", "1.First" })
            {
                Assert.DoesNotContain(unwanted, html, StringComparison.Ordinal);
            }
        });
    }

    [SkippableFact]
    public async Task Two_people_save_the_same_article_and_the_second_sees_both_texts_side_by_side_and_merges()
    {
        await using var scenario = await BrowserScenario.StartAsync(host);
        await scenario.RunAsync(async () =>
        {
            await EditorSeed.ApplyRecipeAsync(scenario.Services);
            var article = await EditorSeed.ArticleAsync(scenario.Services, "Ferry timetable changes", "<p>Two sailings a day from May.</p>");
            var first = await scenario.NewPageAsync();
            await EditorPage.WatchErrorsAsync(first);
            var second = await scenario.NewPageAsync();
            await EditorPage.WatchErrorsAsync(second);
            await BrowserScenario.SignInAsync(first, BrowserScenario.AdminUserName, BrowserScenario.AdminPassword);
            await BrowserScenario.SignInAsync(second, BrowserScenario.AdminUserName, BrowserScenario.AdminPassword);
            var a = await EditorPage.OpenAsync(first, article.ContentItemId);
            var b = await EditorPage.OpenAsync(second, article.ContentItemId);

            await first.GetByLabel("Lead").FillAsync("Sailings double from May.");
            await a.RichText("Body").ClickAsync();
            await first.Keyboard.PressAsync("Control+End");
            await first.Keyboard.TypeAsync(" The first desk adds the winter times.");
            await a.SaveAsync();

            await b.RichText("Body").ClickAsync();
            await second.Keyboard.PressAsync("Control+End");
            await second.Keyboard.TypeAsync(" The second desk adds the fares.");
            await second.Keyboard.PressAsync("Control+s");
            var conflict = second.GetByRole(AriaRole.Region, new() { Name = "Someone else saved this item while you were writing" });
            await Expect(conflict).ToBeVisibleAsync();
            var body = conflict.Locator("fieldset", new() { HasText = "Body" });
            await Expect(body.GetByTestId("conflict-mine")).ToContainTextAsync("The second desk adds the fares.");
            await Expect(body.GetByTestId("conflict-theirs")).ToContainTextAsync("The first desk adds the winter times.");
            var lead = conflict.Locator("fieldset", new() { HasText = "Lead" });
            await Expect(lead.GetByTestId("conflict-theirs")).ToHaveTextAsync("Sailings double from May.");
            await scenario.CheckAccessibilityAsync(second, "conflict view");
            await EditorPage.ScreenshotAsync(second, "editor-conflict");
            await second.EvaluateAsync("() => window.scrollTo(0, 0)");
            await second.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserScenario.ScreenshotDirectory, "readme-editor-conflict.png") });

            // Merge by field: my body, their lead.
            await lead.GetByLabel("Take theirs").CheckAsync();
            await second.GetByRole(AriaRole.Button, new() { Name = "Save on top of the latest version" }).ClickAsync();
            await Expect(b.Status).ToContainTextAsync("Saved at");
            await Expect(conflict).ToBeHiddenAsync();
            var merged = await EditorSeed.LatestAsync(scenario.Services, article.ContentItemId);
            Assert.Equal("Sailings double from May.", merged.Content["Article"]!["Lead"]!["Text"]!.GetValue<string>());
            var html = merged.Content["HtmlBodyPart"]!["Html"]!.GetValue<string>();
            Assert.Contains("The second desk adds the fares.", html, StringComparison.Ordinal);
            Assert.DoesNotContain("winter times", html, StringComparison.Ordinal);
        });
    }

    [SkippableFact]
    public async Task A_reload_in_the_middle_of_writing_offers_the_autosave_which_restores_every_word_and_a_save_clears_it()
    {
        await using var scenario = await BrowserScenario.StartAsync(host);
        await scenario.RunAsync(async () =>
        {
            await EditorSeed.ApplyRecipeAsync(scenario.Services);
            var article = await EditorSeed.ArticleAsync(scenario.Services, "Grid upgrade", "<p>First words.</p>");
            var page = await scenario.NewPageAsync();
            await EditorPage.WatchErrorsAsync(page);
            page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
            await BrowserScenario.SignInAsync(page, BrowserScenario.AdminUserName, BrowserScenario.AdminPassword);
            var editor = await EditorPage.OpenAsync(page, article.ContentItemId);

            await page.GetByLabel("Lead").FillAsync("Substations are replaced one district at a time.");
            await editor.RichText("Body").ClickAsync();
            await page.Keyboard.PressAsync("Control+End");
            await page.Keyboard.TypeAsync(" Words that must not be lost.");
            await Expect(editor.Status).ToContainTextAsync("kept as a draft", new() { Timeout = 10_000 });

            await page.ReloadAsync();
            editor = await EditorPage.ReadyAsync(page);
            var banner = page.GetByRole(AriaRole.Region, new() { Name = "Unsaved work" });
            await Expect(banner).ToBeVisibleAsync();
            await Expect(page.GetByLabel("Lead")).ToHaveValueAsync("A standfirst for Grid upgrade");
            await EditorPage.ScreenshotAsync(page, "editor-autosave-offer");
            await banner.GetByRole(AriaRole.Button, new() { Name = "Restore" }).ClickAsync();
            await Expect(page.GetByLabel("Lead")).ToHaveValueAsync("Substations are replaced one district at a time.");
            await Expect(editor.RichText("Body")).ToContainTextAsync("Words that must not be lost.");

            await editor.SaveAsync();
            var autosave = await page.EvaluateAsync<int>($"async () => (await window.cmsApi.fetch('/api/content/{article.ContentItemId}/autosave')).status");
            Assert.Equal(204, autosave);
            var saved = await EditorSeed.LatestAsync(scenario.Services, article.ContentItemId);
            Assert.Contains("Words that must not be lost.", saved.Content["HtmlBodyPart"]!["Html"]!.GetValue<string>(), StringComparison.Ordinal);

            // Reopened after the save: nothing to restore.
            await page.ReloadAsync();
            await EditorPage.ReadyAsync(page);
            await page.WaitForTimeoutAsync(500);
            await Expect(banner).ToBeHiddenAsync();
        });
    }
}
