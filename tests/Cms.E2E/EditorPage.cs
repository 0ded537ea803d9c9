using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cms.E2E;

/// <summary>The generated content editor, driven as a person uses it: by labels, buttons and the keyboard.</summary>
public sealed partial class EditorPage(IPage page)
{
    public IPage Page => page;

    public ILocator Status => page.Locator("#editor-status");

    public ILocator Workflow => page.Locator("#workflow-panel");

    public ILocator Stage => page.GetByTestId("stage");

    public static async Task<EditorPage> OpenNewAsync(IPage page, string type)
    {
        await page.GotoAsync($"/admin/content/new/{type}");
        return await ReadyAsync(page);
    }

    public static async Task<EditorPage> OpenAsync(IPage page, string id)
    {
        await page.GotoAsync($"/admin/content/{id}/edit");
        return await ReadyAsync(page);
    }

    public static async Task<EditorPage> ReadyAsync(IPage page)
    {
        try
        {
            await Expect(page.Locator("#cms-editor[data-ready=true]")).ToBeAttachedAsync();
        }
        catch (PlaywrightException ex)
        {
            var errors = await page.EvaluateAsync<string>("() => (window.__editorErrors || []).join(' | ')");
            throw new InvalidOperationException($"The editor did not start. Script errors: {errors}", ex);
        }

        return new EditorPage(page);
    }

    /// <summary>Records the page's script errors, for the failure message of an editor that did not start.</summary>
    public static Task WatchErrorsAsync(IPage page) =>
        page.AddInitScriptAsync("window.__editorErrors = []; window.addEventListener('error', e => window.__editorErrors.push(e.message + ' at ' + e.filename + ':' + e.lineno));");

    /// <summary>The editor of one field, found by its label.</summary>
    public ILocator Field(string label) => page.Locator($".cms-field[data-label=\"{label}\"]");

    /// <summary>The item id from the address (/admin/content/{id}/edit).</summary>
    public string ItemId => IdInUrl().Match(page.Url) is { Success: true } m ? Uri.UnescapeDataString(m.Groups[1].Value) : throw new InvalidOperationException($"Not an edit address: {page.Url}");

    public async Task SaveAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(Status).ToContainTextAsync("Saved at");
        await Expect(page).ToHaveURLAsync(IdInUrl());
    }

    /// <summary>Types into the rich text editor of a field: clicks at its end first.</summary>
    public ILocator RichText(string label) => Field(label).Locator(".rte-content");

    public ILocator RichTextButton(string label, string button) => Field(label).GetByRole(AriaRole.Button, new() { Name = button, Exact = true });

    /// <summary>Searches a content picker and chooses the option with that title.</summary>
    public async Task PickAsync(string label, string search, string option)
    {
        var box = Field(label).GetByRole(AriaRole.Combobox);
        await box.FillAsync(search);
        await Field(label).GetByRole(AriaRole.Option, new() { Name = option }).ClickAsync();
        await Expect(Field(label).Locator("[data-picked]")).ToContainTextAsync(option);
    }

    public async Task AddTagsAsync(string label, params string[] tags)
    {
        var box = Field(label).Locator("[data-tag-input]");
        foreach (var tag in tags)
        {
            await box.FillAsync(tag);
            await box.PressAsync("Enter");
        }
    }

    /// <summary>Opens the media library from a media field and chooses the image whose name or alt text matches.</summary>
    public async Task ChooseMediaAsync(string label, string search, string accessibleName)
    {
        await Field(label).GetByRole(AriaRole.Button, new() { Name = "Choose from the media library" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Media library" });
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByLabel("Search names, alt texts and captions").FillAsync(search);
        await dialog.GetByRole(AriaRole.Button, new() { Name = accessibleName }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
    }

    public async Task TransitionAsync(string button, string expectedStage, string? comment = null)
    {
        await Workflow.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        if (comment is not null)
        {
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByRole(AriaRole.Textbox).FillAsync(comment);
            await dialog.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();
        }

        await Expect(Stage).ToHaveTextAsync(expectedStage);
    }

    /// <summary>Saves a screenshot among the test artifacts (TestResults/screenshots).</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(BrowserScenario.ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserScenario.ScreenshotDirectory, name + ".png"), FullPage = true });
    }

    [GeneratedRegex("/admin/content/([^/]+)/edit")]
    private static partial Regex IdInUrl();
}
