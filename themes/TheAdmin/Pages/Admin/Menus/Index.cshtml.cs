using System.Text.Json.Nodes;
using Cms.Admin.Navigation;
using Cms.Core.Content;
using Cms.Core.Content.Menus;
using Cms.Core.Queries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cms.Admin.Pages.Admin.Menus;

/// <summary>The site's menus (the <c>Menu</c> content type), and a new one by its name; both through the content manager.</summary>
[Authorize(Policy = "Edit_Menu")]
public sealed class IndexModel(IContentManager content) : AdminPageModel
{
    public IReadOnlyList<MenuRow> Menus { get; private set; } = [];

    [BindProperty]
    public string? NewTitle { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var menu = new ContentItem { ContentType = "Menu" };
        menu.Content["TitlePart"] = new JsonObject { ["Title"] = NewTitle ?? "" };
        menu.Content["MenuItemsListPart"] = new JsonObject { [MenuTree.MenuItems] = new JsonArray() };
        if (string.IsNullOrWhiteSpace(NewTitle))
        {
            ModelState.AddModelError(nameof(NewTitle), "Give the menu a name, e.g. Footer.");
        }
        else
        {
            try
            {
                var created = await content.CreateAsync(menu, publish: true, cancellationToken);
                StatusMessage = $"Menu '{created.DisplayText}' created.";
                return Redirect(AdminUrls.MenuEdit(created.ContentItemId));
            }
            catch (ContentValidationException ex)
            {
                foreach (var error in ex.Errors)
                {
                    ModelState.AddModelError(nameof(NewTitle), error.Message);
                }
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var result = await content.QueryAsync(new ContentQuery { ContentType = "Menu", Status = ContentStatus.Latest, OrderBy = [ContentSort.By(ContentColumn.DisplayText)], Take = 100 }, cancellationToken);
        Menus = result.Items.Select(m => new MenuRow(m.ContentItemId, m.DisplayText ?? m.ContentItemId, Count(m.Part("MenuItemsListPart")), m.ModifiedUtc)).ToList();
    }

    private static int Count(JsonObject? list) =>
        list?[MenuTree.MenuItems] is JsonArray items ? items.OfType<JsonObject>().Sum(i => 1 + Count(i["MenuItemsListPart"] as JsonObject)) : 0;
}
