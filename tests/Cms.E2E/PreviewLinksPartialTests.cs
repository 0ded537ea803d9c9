using System.Text.Json.Nodes;
using Cms.Core.Content;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cms.E2E;

/// <summary>
/// The admin's "Share preview" box (<c>Pages/Shared/_PreviewLinks.cshtml</c> and <c>js/preview-links.js</c>), as the
/// editor page includes it: rendered by the host's Razor engine into an admin page, then used as an editor does.
/// </summary>
[Collection(AdminHostCollection.Name)]
public sealed class PreviewLinksPartialTests(AdminHostFixture host)
{
    [SkippableFact]
    public async Task An_editor_creates_copies_and_revokes_a_share_link_from_the_box()
    {
        await using var scenario = await BrowserScenario.StartAsync(host);
        await scenario.RunAsync(async () =>
        {
            var id = await DraftAsync(scenario.Services);
            var box = await RenderPartialAsync(scenario.Services, id);
            var page = await scenario.NewPageAsync();
            await BrowserScenario.SignInAsync(page, BrowserScenario.AdminUserName, BrowserScenario.AdminPassword);
            await page.GotoAsync("/admin");
            await page.EvaluateAsync("html => { document.querySelector('main').innerHTML = html; }", box);
            await page.AddScriptTagAsync(new() { Url = "/_content/TheAdmin/js/preview-links.js" });

            var region = page.GetByRole(AriaRole.Region, new() { Name = "Share preview" });
            await Expect(region.GetByText("No links yet.")).ToBeVisibleAsync();
            await region.GetByRole(AriaRole.Button, new() { Name = "Create link" }).ClickAsync();
            var url = region.GetByLabel("New link (shown once)");
            await Expect(url).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/preview/[A-Za-z0-9_-]{43}$"));
            await Expect(region.GetByRole(AriaRole.Cell, new() { Name = "Active" })).ToBeVisibleAsync();
            await scenario.CheckAccessibilityAsync(page, "share preview box");

            var copy = region.Locator("[data-copy-target]");
            await Expect(copy).ToHaveTextAsync("Copy");
            await copy.ClickAsync();
            await Expect(copy).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(Copied|Press Ctrl\\+C)$"));

            var link = await url.InputValueAsync();
            var reader = await scenario.NewPageAsync();
            Assert.Equal(200, (await reader.GotoAsync(link))!.Status);

            await region.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Revoke") }).ClickAsync();
            await Expect(region.GetByRole(AriaRole.Cell, new() { Name = "Revoked" })).ToBeVisibleAsync();
            Assert.Equal(404, (await reader.GotoAsync(link))!.Status);
        });
    }

    private static async Task<string> DraftAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var author = await content.CreateAsync(new ContentItem
        {
            ContentType = "Author",
            Content = new JsonObject { ["TitlePart"] = new JsonObject { ["Title"] = "Box test author" } },
        }, publish: true);
        var item = await content.CreateAsync(new ContentItem
        {
            ContentType = "Article",
            Content = new JsonObject
            {
                ["TitlePart"] = new JsonObject { ["Title"] = "Box test draft" },
                ["HtmlBodyPart"] = new JsonObject { ["Html"] = "<p>A draft to share.</p>" },
                ["Article"] = new JsonObject
                {
                    ["Section"] = new JsonObject { ["ContentItemIds"] = new JsonArray("sec-news") },
                    ["Authors"] = new JsonObject { ["ContentItemIds"] = new JsonArray(author.ContentItemId) },
                },
            },
        }, publish: false);
        return item.ContentItemId;
    }

    /// <summary>The partial as the editor page renders it (<c>&lt;partial name="_PreviewLinks" model="id" /&gt;</c>).</summary>
    private static async Task<string> RenderPartialAsync(IServiceProvider services, string id)
    {
        await using var scope = services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var actionContext = new ActionContext(http, new RouteData(), new ActionDescriptor());
        var view = scope.ServiceProvider.GetRequiredService<IRazorViewEngine>().GetView(null, "/Pages/Shared/_PreviewLinks.cshtml", isMainPage: false);
        Assert.True(view.Success, "The admin theme has no _PreviewLinks partial.");
        await using var writer = new StringWriter();
        var viewData = new ViewDataDictionary<string>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = id };
        var tempData = scope.ServiceProvider.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http);
        await view.View.RenderAsync(new ViewContext(actionContext, view.View, viewData, tempData, writer, new HtmlHelperOptions()));
        var html = writer.ToString();
        Assert.Contains($"data-preview-links=\"/api/content/{id}/preview-links\"", html);
        return html;
    }
}
