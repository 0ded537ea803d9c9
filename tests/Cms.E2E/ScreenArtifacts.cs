using Microsoft.Playwright;

namespace Cms.E2E;

/// <summary>Screenshots of screens kept as test artifacts (under <c>TestResults/screenshots</c>), whether the test passes or not.</summary>
public static class ScreenArtifacts
{
    public static async Task SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(BrowserScenario.ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserScenario.ScreenshotDirectory, name + ".png"),
            FullPage = true,
        });
    }
}
