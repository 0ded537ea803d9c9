using Cms.Media.Library;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;
using static Microsoft.Playwright.Assertions;

namespace Cms.E2E;

/// <summary>
/// The media library and the crop editor as an editor uses them: a photo dropped on the page uploads with a
/// progress bar, gets its alt text and caption, and a card crop chosen with the keyboard; the article that uses it
/// gets, through GraphQL, a card derivative showing exactly that region. A fake image shows the server's error.
/// </summary>
[Collection(AdminHostCollection.Name)]
public sealed class MediaLibraryTests(AdminHostFixture host)
{
    // The photo: a blue-to-green gradient with a red block in its bottom-right part (x ≥ 720, y ≥ 400).
    private const int PhotoWidth = 1200;
    private const int PhotoHeight = 800;
    private const int BlockLeft = 720;
    private const int BlockTop = 400;

    [SkippableFact]
    public async Task A_dropped_photo_gets_texts_and_a_card_crop_that_the_GraphQL_derivative_shows()
    {
        await using var scenario = await BrowserScenario.StartAsync(host);
        await scenario.RunAsync(async () =>
        {
            var page = await scenario.NewPageAsync();
            await BrowserScenario.SignInAsync(page, BrowserScenario.AdminUserName, BrowserScenario.AdminPassword);
            await BrowserScenario.Navigation(page).GetByRole(AriaRole.Link, new() { Name = "Media" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Media", Level = 1 })).ToBeVisibleAsync();
            await scenario.CheckAccessibilityAsync(page, "media library");

            // Drop the photo; record every value the progress bar takes.
            await page.GetByLabel("Upload into folder").FillAsync("e2e");
            await page.EvaluateAsync("""
                () => {
                    window.progressSeen = [];
                    new MutationObserver(() => document.querySelectorAll("[data-media-uploads] progress").forEach(p => window.progressSeen.push(p.value)))
                        .observe(document.querySelector("[data-media-uploads]"), { subtree: true, childList: true, attributes: true, characterData: true });
                }
                """);
            await DropAsync(page, "Harbour at dusk.jpg", "image/jpeg", RedBlockPhoto());
            var row = page.Locator("[data-media-uploads] li").Filter(new() { HasText = "Harbour at dusk.jpg" });
            await Expect(row).ToContainTextAsync("Uploaded as harbour-at-dusk.jpg (100 %)", new() { Timeout = 30_000 });
            Assert.Equal(100, await row.Locator("progress").EvaluateAsync<int>("p => p.value"));

            // A fake image: HTML named .jpg. The server's message is shown on its row; nothing is stored.
            await DropAsync(page, "fake.jpg", "image/jpeg", "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"u8.ToArray());
            var fake = page.Locator("[data-media-uploads] li").Filter(new() { HasText = "fake.jpg" });
            await Expect(fake.GetByRole(AriaRole.Alert)).ToHaveTextAsync(
                "Not uploaded: The file is not a JPEG, PNG, GIF or WebP image (its content was checked, not its name). (400)");

            // A file over the 25 MB cap: refused with 413 before its body is read, and the row says why.
            await page.EvaluateAsync("""
                () => {
                    const transfer = new DataTransfer();
                    transfer.items.add(new File([new Uint8Array(26 * 1024 * 1024)], "huge.jpg", { type: "image/jpeg" }));
                    document.querySelector("[data-media-dropzone]").dispatchEvent(new DragEvent("drop", { bubbles: true, cancelable: true, dataTransfer: transfer }));
                }
                """);
            var huge = page.Locator("[data-media-uploads] li").Filter(new() { HasText = "huge.jpg" });
            await Expect(huge.GetByRole(AriaRole.Alert)).ToContainTextAsync("Not uploaded: The file is larger than the upload limit of 25 MB", new() { Timeout = 30_000 });

            // Details: alt text and caption through the details panel.
            await row.GetByRole(AriaRole.Link).ClickAsync();
            var details = page.Locator("#media-details");
            await Expect(details.GetByRole(AriaRole.Heading, new() { Name = "harbour-at-dusk.jpg" })).ToBeVisibleAsync();
            await Expect(details.GetByTestId("media-pixels")).ToHaveTextAsync("1200 × 800 pixels");
            await details.GetByLabel("Alt text").FillAsync("A red fishing boat moored at the harbour wall");
            await details.GetByLabel("Caption").FillAsync("The harbour at dusk, before the evening ferry.");
            await details.GetByRole(AriaRole.Button, new() { Name = "Save texts" }).ClickAsync();
            await Expect(page.GetByText("The texts of the file were saved.")).ToBeVisibleAsync();
            var item = await FindAsync(scenario, "e2e/harbour-at-dusk.jpg");
            Assert.Equal(("A red fishing boat moored at the harbour wall", "The harbour at dusk, before the evening ferry.", BrowserScenario.AdminUserName),
                (item.AltText, item.Caption, item.CreatedBy));
            Assert.Empty(item.Crops);
            await Expect(page.Locator(".media-card").Filter(new() { HasText = "harbour-at-dusk.jpg" })).ToBeVisibleAsync();
            await scenario.CheckAccessibilityAsync(page, "media library with the details panel");
            await SaveScreenshotAsync(page, "media-library.png");

            // The crop editor: the card tab, the selection shrunk and moved into the red block with the keyboard.
            await details.GetByRole(AriaRole.Button, new() { Name = "Edit crops and focal point" }).ClickAsync();
            var editor = page.GetByRole(AriaRole.Dialog, new() { Name = "Crops and focal point of harbour-at-dusk.jpg" });
            await Expect(editor).ToBeVisibleAsync();
            await Expect(editor.GetByRole(AriaRole.Tab, new() { Name = "Focal point" })).ToHaveAttributeAsync("aria-selected", "true");
            await scenario.CheckAccessibilityAsync(page, "crop editor, focal point");
            await editor.GetByRole(AriaRole.Tab, new() { Name = "Focal point" }).PressAsync("ArrowRight");
            var card = editor.GetByRole(AriaRole.Tab, new() { Name = "Card 640 × 360" });
            await Expect(card).ToBeFocusedAsync();
            await Expect(card).ToHaveAttributeAsync("aria-selected", "true");
            var stage = editor.GetByRole(AriaRole.Group, new() { Name = "Card crop, 640 × 360" });
            await Expect(stage.Locator(".cropper-crop-box")).ToBeVisibleAsync();
            await stage.FocusAsync();
            for (var i = 0; i < 65; i++)
            {
                await page.Keyboard.PressAsync("Shift+ArrowLeft");
            }

            for (var i = 0; i < 70; i++)
            {
                await page.Keyboard.PressAsync("ArrowRight");
                await page.Keyboard.PressAsync("ArrowDown");
            }

            var cardPreview = editor.Locator(".crop-editor-preview[data-profile='card']");
            await Expect(cardPreview).ToContainTextAsync("Custom");
            await Expect(editor.Locator(".crop-editor-preview[data-profile='hero']")).ToContainTextAsync("Automatic");
            // The live preview is the chosen region at the profile's shape: the image is placed so the corner shows.
            var frame = await cardPreview.Locator(".crop-editor-preview-frame").BoundingBoxAsync();
            var shown = await cardPreview.Locator("img").BoundingBoxAsync();
            Assert.NotNull(frame);
            Assert.NotNull(shown);
            Assert.InRange(frame.Width / frame.Height, 16 / 9.0 - 0.05, 16 / 9.0 + 0.05);
            Assert.InRange(shown.X + shown.Width - (frame.X + frame.Width), -1.5, 1.5);
            Assert.InRange(shown.Y + shown.Height - (frame.Y + frame.Height), -1.5, 1.5);
            Assert.InRange(shown.Width / frame.Width, (PhotoWidth / 420.0) - 0.1, (PhotoWidth / 420.0) + 0.1);
            await scenario.CheckAccessibilityAsync(page, "crop editor, card crop");
            await SaveScreenshotAsync(page, "crop-editor.png");
            await editor.GetByRole(AriaRole.Button, new() { Name = "Save crops" }).ClickAsync();
            await Expect(editor).ToBeHiddenAsync();

            item = await FindAsync(scenario, "e2e/harbour-at-dusk.jpg");
            var chosen = Assert.Single(item.Crops);
            Assert.Equal("card", chosen.Key);
            var crop = chosen.Value;
            Assert.True(crop.X * PhotoWidth >= BlockLeft && crop.Y * PhotoHeight >= BlockTop, $"the card crop {crop} starts outside the red block");
            Assert.InRange(crop.X + crop.Width, 0.99, 1.000001);
            Assert.InRange(crop.Y + crop.Height, 0.99, 1.000001);
            Assert.InRange(crop.Width * PhotoWidth / (crop.Height * PhotoHeight), 16 / 9.0 - 0.02, 16 / 9.0 + 0.02);

            // An article points its cover image at the file; GraphQL's card URL shows the chosen region: all red.
            var articleId = await CreateArticleAsync(page, "Evening ferries return", item.Path);
            var cardUrl = await page.EvaluateAsync<string>("""
                async id => {
                    const response = await window.cmsApi.fetch("/api/graphql", { method: "POST", body: {
                        query: "query($id: ID!) { article(status: LATEST, where: { contentItemId: $id }) { coverImage { files { crop(profile: CARD) { url width height } } } } }",
                        variables: { id } } });
                    const json = await response.json();
                    if (json.errors) throw new Error(JSON.stringify(json.errors));
                    return json.data.article[0].coverImage.files[0].crop.url;
                }
                """, articleId);
            using (var http = new HttpClient { BaseAddress = new Uri(scenario.BaseUrl) })
            {
                using var response = await http.GetAsync(new Uri(new Uri(scenario.BaseUrl), cardUrl));
                Assert.True(response.IsSuccessStatusCode, $"{cardUrl}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                using var derivative = Image.Load<Rgb24>(await response.Content.ReadAsByteArrayAsync());
                Assert.Equal((640, 360), (derivative.Width, derivative.Height));
                for (var x = 10; x < 640; x += 60)
                {
                    for (var y = 10; y < 360; y += 50)
                    {
                        var pixel = derivative[x, y];
                        Assert.True(pixel.R > 170 && pixel.G < 90 && pixel.B < 90, $"pixel ({x}, {y}) of the card is {pixel}, not the red block");
                    }
                }
            }

            // Where used: the article, linking to its editor.
            await page.ReloadAsync();
            var usage = page.Locator("#media-details").GetByTestId("media-usage");
            await Expect(usage.GetByRole(AriaRole.Link, new() { Name = "Evening ferries return" })).ToHaveAttributeAsync("href", $"/admin/content/{articleId}/edit");
        });
    }

    [SkippableFact]
    public async Task On_a_phone_the_library_and_the_crop_editor_pass_axe()
    {
        await using var scenario = await BrowserScenario.StartAsync(host);
        await scenario.RunAsync(async () =>
        {
            var page = await scenario.NewPhonePageAsync();
            await BrowserScenario.SignInAsync(page, BrowserScenario.AdminUserName, BrowserScenario.AdminPassword);
            await page.GotoAsync("/admin/media");
            await DropAsync(page, "phone.jpg", "image/jpeg", RedBlockPhoto());
            var row = page.Locator("[data-media-uploads] li").Filter(new() { HasText = "phone.jpg" });
            await Expect(row).ToContainTextAsync("(100 %)", new() { Timeout = 30_000 });
            await scenario.CheckAccessibilityAsync(page, "media library on a phone");

            await row.GetByRole(AriaRole.Link).ClickAsync();
            await scenario.CheckAccessibilityAsync(page, "media details on a phone");
            await page.GetByRole(AriaRole.Button, new() { Name = "Edit crops and focal point" }).ClickAsync();
            var editor = page.GetByRole(AriaRole.Dialog);
            await Expect(editor).ToBeVisibleAsync();
            var marker = editor.GetByRole(AriaRole.Button, new() { Name = "Focal point: 50 % across, 50 % down" });
            await marker.PressAsync("Shift+ArrowLeft");
            await Expect(editor.GetByRole(AriaRole.Button, new() { Name = "Focal point: 40 % across, 50 % down" })).ToBeFocusedAsync();
            await scenario.CheckAccessibilityAsync(page, "crop editor on a phone, focal point");
            await editor.GetByRole(AriaRole.Tab, new() { Name = "Rail 160 × 160" }).ClickAsync();
            await Expect(editor.Locator(".cropper-crop-box")).ToBeVisibleAsync();
            await scenario.CheckAccessibilityAsync(page, "crop editor on a phone, rail crop");
            await editor.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
            await Expect(editor).ToBeHiddenAsync();
        });
    }

    [SkippableFact]
    public async Task A_used_file_is_deleted_only_when_forced_by_someone_who_may_and_the_library_needs_ManageMedia()
    {
        await using var scenario = await BrowserScenario.StartAsync(host);
        await scenario.RunAsync(async () =>
        {
            const string password = "Media-Desk-Pass-2026!";
            var suffix = Guid.NewGuid().ToString("N")[..6];
            await TestUsers.CreateAsync(scenario.Services, "writer-" + suffix, password, "Contributor");
            await TestUsers.CreateAsync(scenario.Services, "photo-" + suffix, password, "Author");

            // A contributor has no ManageMedia: no menu entry, and the page is refused on the server.
            var contributor = await scenario.NewPageAsync();
            await BrowserScenario.SignInAsync(contributor, "writer-" + suffix, password);
            await Expect(BrowserScenario.Navigation(contributor).GetByRole(AriaRole.Link, new() { Name = "Media" })).ToHaveCountAsync(0);
            var refused = await contributor.GotoAsync("/admin/media");
            Assert.Equal(403, refused!.Status);
            await Expect(contributor.GetByTestId("missing-permissions")).ToContainTextAsync("ManageMedia");

            // An author uploads a photo; an article uses it.
            var author = await scenario.NewPageAsync();
            await BrowserScenario.SignInAsync(author, "photo-" + suffix, password);
            await author.GotoAsync("/admin/media");
            await author.GetByLabel("Upload into folder").FillAsync("desk-" + suffix);
            await DropAsync(author, "quay.jpg", "image/jpeg", RedBlockPhoto());
            var row = author.Locator("[data-media-uploads] li").Filter(new() { HasText = "quay.jpg" });
            await Expect(row).ToContainTextAsync("(100 %)", new() { Timeout = 30_000 });
            var path = $"desk-{suffix}/quay.jpg";
            var admin = await scenario.NewPageAsync();
            await BrowserScenario.SignInAsync(admin, BrowserScenario.AdminUserName, BrowserScenario.AdminPassword);
            await admin.GotoAsync("/admin/media");
            var articleId = await CreateArticleAsync(admin, "Quayside works begin", path);

            // The author may not force: no checkbox, and Delete is refused with the items named; the file stays.
            await row.GetByRole(AriaRole.Link).ClickAsync();
            var details = author.Locator("#media-details");
            await Expect(details.GetByTestId("media-usage").GetByRole(AriaRole.Link, new() { Name = "Quayside works begin" })).ToHaveAttributeAsync("href", $"/admin/content/{articleId}/edit");
            await Expect(details.GetByLabel("Delete even though content uses it")).ToHaveCountAsync(0);
            await details.GetByRole(AriaRole.Button, new() { Name = "Delete file" }).ClickAsync();
            await Expect(author.GetByRole(AriaRole.Alert)).ToContainTextAsync("is used by 1 item(s): 'Quayside works begin'");
            Assert.NotNull(await TryFindAsync(scenario, path));

            // The administrator (DeleteUsedMedia) forces it.
            await admin.GotoAsync("/admin/media?folder=desk-" + suffix);
            await admin.Locator(".media-card").Filter(new() { HasText = "quay.jpg" }).ClickAsync();
            await admin.GetByLabel("Delete even though content uses it").CheckAsync();
            await admin.GetByRole(AriaRole.Button, new() { Name = "Delete file" }).ClickAsync();
            await Expect(admin.GetByText("'quay.jpg' was deleted.")).ToBeVisibleAsync();
            Assert.Null(await TryFindAsync(scenario, path));
        });
    }

    /// <summary>Creates an article (and an author for it) through <c>/api/content</c> from the page, as the admin's scripts do.</summary>
    private static Task<string> CreateArticleAsync(IPage page, string title, string coverPath) =>
        page.EvaluateAsync<string>("""
            async ([title, path]) => {
                const post = async body => {
                    const response = await window.cmsApi.fetch("/api/content", { method: "POST", body });
                    const text = await response.text();
                    if (!response.ok) throw new Error(`${response.status} ${text}`);
                    return JSON.parse(text);
                };
                const author = await post({ ContentType: "Author", TitlePart: { Title: "Harbour Reporter" } });
                const article = await post({
                    ContentType: "Article",
                    TitlePart: { Title: title },
                    HtmlBodyPart: { Html: "<p>The evening ferry sails again from Monday.</p>" },
                    Article: {
                        Section: { ContentItemIds: ["sec-news"] },
                        Authors: { ContentItemIds: [author.ContentItemId] },
                        CoverImage: { Paths: [path], MediaTexts: ["A red fishing boat"] },
                    },
                });
                return article.ContentItemId;
            }
            """, new object[] { title, coverPath });

    private static byte[] RedBlockPhoto()
    {
        using var image = new Image<Rgb24>(PhotoWidth, PhotoHeight);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    row[x] = x >= BlockLeft && y >= BlockTop
                        ? new Rgb24(220, 30, 30)
                        : new Rgb24(20, (byte)(60 + (150 * x / PhotoWidth)), (byte)(200 - (120 * y / PhotoHeight)));
                }
            }
        });
        using var output = new MemoryStream();
        image.SaveAsJpeg(output, new JpegEncoder { Quality = 90 });
        return output.ToArray();
    }

    /// <summary>Drops a file on the upload zone as a browser does: a drop event carrying a DataTransfer with the file.</summary>
    private static async Task DropAsync(IPage page, string name, string type, byte[] content) =>
        await page.EvaluateAsync("""
            ([name, type, base64]) => {
                const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
                const transfer = new DataTransfer();
                transfer.items.add(new File([bytes], name, { type }));
                const zone = document.querySelector("[data-media-dropzone]");
                zone.dispatchEvent(new DragEvent("dragenter", { bubbles: true, cancelable: true, dataTransfer: transfer }));
                zone.dispatchEvent(new DragEvent("drop", { bubbles: true, cancelable: true, dataTransfer: transfer }));
            }
            """, new object[] { name, type, Convert.ToBase64String(content) });

    private static async Task<MediaItem> FindAsync(BrowserScenario scenario, string path) =>
        await TryFindAsync(scenario, path) ?? throw new InvalidOperationException($"No media record for {path}.");

    private static async Task<MediaItem?> TryFindAsync(BrowserScenario scenario, string path)
    {
        using var scope = scenario.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MediaLibrary>().GetByPathAsync(path);
    }

    /// <summary>
    /// A screenshot as a test artifact; with <c>CMS_DOCS_SCREENSHOTS=1</c> also into the repository's docs/screenshots
    /// (the README's pictures).
    /// </summary>
    private static async Task SaveScreenshotAsync(IPage page, string fileName)
    {
        Directory.CreateDirectory(BrowserScenario.ScreenshotDirectory);
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserScenario.ScreenshotDirectory, fileName) });
        if (Environment.GetEnvironmentVariable("CMS_DOCS_SCREENSHOTS") == "1")
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Cms.sln")))
            {
                root = root.Parent;
            }

            var docs = Path.Combine(root?.FullName ?? throw new InvalidOperationException("The repository root was not found."), "docs", "screenshots");
            Directory.CreateDirectory(docs);
            await File.WriteAllBytesAsync(Path.Combine(docs, fileName), bytes);
        }
    }
}
