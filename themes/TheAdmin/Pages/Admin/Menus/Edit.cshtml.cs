using System.Text.Json.Nodes;
using Cms.Admin.Navigation;
using Cms.Core.Content;
using Cms.Core.Content.Menus;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cms.Admin.Pages.Admin.Menus;

/// <summary>
/// The menu editor: the page's script (<c>menu-editor.js</c>) arranges the entries and saves the whole menu through
/// <c>POST /api/content</c> with <c>If-Match</c>, so the content manager's menu rules (three levels, safe links, existing
/// sections and pages) answer here exactly as for the API and recipes, and a save on top of someone else's gets 412.
/// </summary>
[Authorize(Policy = "Edit_Menu")]
public sealed class EditModel(IContentManager content) : AdminPageModel
{
    public ContentItem Menu { get; private set; } = null!;

    /// <summary>The entries as stored, for the script.</summary>
    public string ItemsJson { get; private set; } = "[]";

    /// <summary>Titles and types of the sections and pages the entries open, by id, for the script.</summary>
    public string TargetsJson { get; private set; } = "{}";

    public static int MaxDepth => MenuTree.MaxDepth;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var menu = await content.GetAsync(id, VersionOptions.Latest, cancellationToken);
        if (menu is null || menu.ContentType != "Menu")
        {
            return Redirect(AdminUrls.NotFound);
        }

        Menu = menu;
        var items = menu.Part("MenuItemsListPart")?[MenuTree.MenuItems] as JsonArray ?? [];
        ItemsJson = items.ToJsonString();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        Collect(items, ids);
        var targets = new JsonObject();
        foreach (var targetId in ids)
        {
            if (await content.GetAsync(targetId, VersionOptions.Latest, cancellationToken) is { } target)
            {
                targets[targetId] = new JsonObject { ["displayText"] = target.DisplayText, ["contentType"] = target.ContentType, ["published"] = target.Published };
            }
        }

        TargetsJson = targets.ToJsonString();
        return Page();
    }

    private static void Collect(JsonArray items, HashSet<string> ids)
    {
        foreach (var entry in items.OfType<JsonObject>())
        {
            if (entry["ContentMenuItemPart"]?["SelectedContentItem"]?["ContentItemIds"] is JsonArray { Count: > 0 } selected && selected[0]?.GetValue<string>() is { } id)
            {
                ids.Add(id);
            }

            if (entry["MenuItemsListPart"]?[MenuTree.MenuItems] is JsonArray children)
            {
                Collect(children, ids);
            }
        }
    }
}
