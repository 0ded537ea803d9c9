using System.Runtime.CompilerServices;
using Cms.Testing;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cms.E2E;

/// <summary>
/// One test's browser work: its pages (each in its own context, so each has its own cookies), sign-in and
/// sign-out as a person does it, axe-core checks, and a screenshot of every open page when the test fails
/// (under <c>TestResults/screenshots</c> in the test output folder).
/// </summary>
public sealed class BrowserScenario : IAsyncDisposable
{
    public const string AdminUserName = CmsWebApplicationFactory.AdminUserName;
    public const string AdminPassword = CmsWebApplicationFactory.AdminPassword;

    private readonly AdminHostFixture _host;
    private readonly IBrowser _browser;
    private readonly string _name;
    private readonly List<IBrowserContext> _contexts = [];

    private BrowserScenario(AdminHostFixture host, IBrowser browser, string name)
    {
        _host = host;
        _browser = browser;
        _name = name;
    }

    public static string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public IServiceProvider Services => _host.Services;

    /// <summary>The address of the host under test, for calls a browser does not make (e.g. /connect/token).</summary>
    public string BaseUrl => _host.BaseUrl;

    /// <summary>Pages checked with axe-core in this scenario, for the failure message of a scenario that checked none.</summary>
    public List<string> CheckedPages { get; } = [];

    /// <summary>Skips (locally) or fails (CI) without Chromium; otherwise starts host and browser.</summary>
    public static async Task<BrowserScenario> StartAsync(AdminHostFixture host, [CallerMemberName] string name = "")
    {
        var chromium = TestEnvironment.RequireChromium();
        var browser = await host.StartAsync(chromium);
        return new BrowserScenario(host, browser, name);
    }

    /// <summary>Runs the test body; on failure saves a screenshot of each open page, then rethrows.</summary>
    public async Task RunAsync(Func<Task> body)
    {
        try
        {
            await body();
        }
        catch
        {
            await ScreenshotAllAsync();
            throw;
        }
    }

    /// <summary>A page in a fresh browser context: a different person at a different computer.</summary>
    public Task<IPage> NewPageAsync() => NewPageAsync(new ViewportSize { Width = 1366, Height = 900 });

    /// <summary>A page on a phone: a small touch screen (390 × 844 CSS pixels, as many current phones).</summary>
    public Task<IPage> NewPhonePageAsync() => NewPageAsync(PhoneViewport, isMobile: true);

    public static ViewportSize PhoneViewport => new() { Width = 390, Height = 844 };

    private async Task<IPage> NewPageAsync(ViewportSize viewport, bool isMobile = false)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _host.BaseUrl,
            ViewportSize = viewport,
            IsMobile = isMobile,
            HasTouch = isMobile,
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(15_000);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    public static async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/admin/login");
        await page.GetByLabel("User name or email").FillAsync(userName);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/login"));
    }

    public static async Task SignOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByText("You have signed out.")).ToBeVisibleAsync();
    }

    /// <summary>The admin navigation landmark of a page.</summary>
    public static ILocator Navigation(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Admin" });

    /// <summary>Runs axe-core on the page as it is and fails on any serious or critical violation.</summary>
    public async Task CheckAccessibilityAsync(IPage page, string label)
    {
        // A dialog or menu still fading in would be measured half transparent: let running transitions finish first.
        await page.EvaluateAsync("() => Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))");
        var result = await page.RunAxe();
        var severe = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        CheckedPages.Add(label);
        Assert.True(severe.Count == 0, $"axe-core found serious or critical violations on {label} ({page.Url}):\n" + string.Join("\n", severe.Select(v =>
            $"- {v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Select(n => n.Target?.ToString() + " " + n.Html))}")));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
    }

    private async Task ScreenshotAllAsync()
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var index = 0;
        foreach (var page in _contexts.SelectMany(c => c.Pages))
        {
            index++;
            try
            {
                await page.ScreenshotAsync(new PageScreenshotOptions
                {
                    Path = Path.Combine(ScreenshotDirectory, $"{_name}-{index}.png"),
                    FullPage = true,
                });
            }
            catch (PlaywrightException)
            {
                // A page that crashed or closed cannot be captured; the others still are.
            }
        }
    }
}
