using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Cms.Core.Content;
using Cms.Preview.Links;
using Cms.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cms.E2E;

/// <summary>
/// A share-preview link opened by someone with no account, in a fresh browser: the article page of the preview theme
/// on the sample newsroom. Saves the screenshot as a test artifact (and, with <c>CMS_UPDATE_DOCS_SCREENSHOTS=1</c>,
/// as the README's <c>docs/screenshots/preview.png</c>).
/// </summary>
public sealed class PreviewShareLinkTests : IAsyncLifetime
{
    private CmsWebApplicationFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _baseUrl = "";

    [SkippableFact]
    public async Task A_share_link_opens_the_draft_in_a_fresh_browser_without_signing_in()
    {
        var chromium = TestEnvironment.RequireChromium();
        await StartAsync(chromium);
        var (id, path) = await DraftWithLinkAsync();

        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = _baseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "en-GB" });
        var page = await context.NewPageAsync();
        var scripts = 0;
        page.Request += (_, request) => scripts += request.ResourceType == "script" ? 1 : 0;
        // The first view makes every crop on the page (hero, cards, rail thumbnails): on a busy machine that takes a while.
        context.SetDefaultTimeout(120_000);
        var response = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.WaitForLoadStateAsync(LoadState.Load);

        Assert.Equal(200, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ferry timetable changes for the spring" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Section" })).ToContainTextAsync("Energy");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You might also like" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New articles" })).ToBeVisibleAsync();
        var cover = page.Locator("figure.cover img");
        await Expect(cover).ToBeVisibleAsync();
        Assert.True(await cover.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The cover crop loads.");
        Assert.Equal(0, scripts);
        Assert.Equal("noindex, nofollow", (await response.AllHeadersAsync())["x-robots-tag"]);

        var screenshots = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(screenshots);
        var shot = Path.Combine(screenshots, "preview-share-link.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        Assert.True(new FileInfo(shot).Length > 10_000);
        if (Environment.GetEnvironmentVariable("CMS_UPDATE_DOCS_SCREENSHOTS") == "1" && RepositoryRoot() is { } root)
        {
            Directory.CreateDirectory(Path.Combine(root, "docs", "screenshots"));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(root, "docs", "screenshots", "preview.png") });
        }

        // The link is for that item only, and stops when revoked.
        Assert.Equal(404, (await page.GotoAsync(path + "0"))!.Status);
        await using (var scope = _factory!.Services.CreateAsyncScope())
        {
            var links = scope.ServiceProvider.GetRequiredService<PreviewLinkService>();
            await links.RevokeAsync(id, (await links.ListAsync(id)).Single().Id);
        }

        var gone = await page.GotoAsync(path);
        Assert.Equal(404, gone!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This preview link does not work" })).ToBeVisibleAsync();
        await context.CloseAsync();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    private async Task StartAsync(string chromium)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        _factory = new CmsWebApplicationFactory().WithSampleContent();
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        _factory.StartServer();
        _baseUrl = $"http://127.0.0.1:{port}";
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
        });
    }

    /// <summary>A draft article on the sample newsroom and a share link to it, made as the system (as a recipe would).</summary>
    private async Task<(string Id, string Path)> DraftWithLinkAsync()
    {
        await using var scope = _factory!.Services.CreateAsyncScope();
        var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var draft = await content.CreateAsync(new ContentItem
        {
            ContentType = "Article",
            Content = new JsonObject
            {
                ["TitlePart"] = new JsonObject { ["Title"] = "Ferry timetable changes for the spring" },
                ["HtmlBodyPart"] = new JsonObject
                {
                    ["Html"] = "<p>The state ferry company will run two sailings a day across the bay from May, up from one, and add a late "
                        + "crossing on Fridays through the summer.</p><h2>What changes for passengers</h2><p>Tickets go on sale a month ahead; "
                        + "season passes bought before April stay valid. The company said fuel savings from its two newer vessels pay for "
                        + "the extra crossings.</p><blockquote>We expect the Friday boat to fill up first.</blockquote>"
                        + "<p>The full timetable is on <a href=\"https://example.org/ferries\">the operator's site</a>.</p>",
                },
                ["Article"] = new JsonObject
                {
                    ["Lead"] = new JsonObject { ["Text"] = "Two sailings a day from May, and a late Friday crossing all summer." },
                    ["Section"] = new JsonObject { ["ContentItemIds"] = new JsonArray("sec-energy") },
                    ["Authors"] = new JsonObject { ["ContentItemIds"] = new JsonArray("author-01") },
                    ["CoverImage"] = new JsonObject
                    {
                        ["Paths"] = new JsonArray("covers/cover-04.jpg"),
                        ["MediaTexts"] = new JsonArray("Abstract blue waves"),
                        ["Captions"] = new JsonArray("The bay crossing takes about forty minutes."),
                        ["Credits"] = new JsonArray("Illustration: newsroom design desk"),
                    },
                    ["Tags"] = new JsonObject { ["Tags"] = new JsonArray("transport", "ferries") },
                    ["RelatedArticles"] = new JsonObject { ["ContentItemIds"] = new JsonArray("article-009", "article-022") },
                },
            },
        }, publish: false);
        var link = await scope.ServiceProvider.GetRequiredService<PreviewLinkService>().CreateAsync(draft.ContentItemId);
        return (draft.ContentItemId, link.Path);
    }

    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cms.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
