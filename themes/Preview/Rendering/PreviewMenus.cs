using System.Text.Json.Nodes;
using Cms.Core.Content;
using Cms.Core.Content.Menus;
using Cms.Core.Queries;
using Cms.Core.Storage;

namespace Cms.Preview.Rendering;

/// <summary>
/// The site's header and side menus for the preview layout, as a reader sees them (what a front end gets from GraphQL
/// <c>menu(...)</c>): the published menu named <c>Header</c> or <c>Side</c>, and only entries whose section or page
/// the reader may view (<see cref="MenuTree.IsShown"/>); a content entry links to its item's path.
/// </summary>
public sealed class PreviewMenus(IContentStore store, IContentAccess access)
{
    public const string Header = "Header";
    public const string Side = "Side";

    public async Task<MenuView> GetAsync(string name, CancellationToken cancellationToken)
    {
        var found = await store.QueryAsync(new ContentQuery
        {
            ContentType = "Menu",
            Status = ContentStatus.Published,
            Where = new ColumnFilter(ContentColumn.DisplayText, FilterOperator.Equal, name),
            OrderBy = [ContentSort.By(ContentColumn.CreatedUtc)],
            Take = 1,
        }, cancellationToken);
        if (found.Items is not [var menu, ..] || !await access.IsAllowedAsync(ContentAction.View, menu, cancellationToken)
            || menu.Part("MenuItemsListPart")?[MenuTree.MenuItems] is not JsonArray items)
        {
            return new MenuView(name, []);
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        Collect(items, ids);
        var visible = new Dictionary<string, ContentItem>(StringComparer.Ordinal);
        foreach (var (id, item) in await store.GetManyAsync(ids, VersionOptions.Published, cancellationToken))
        {
            if (await access.IsAllowedAsync(ContentAction.View, item, cancellationToken))
            {
                visible[id] = item;
            }
        }

        return new MenuView(name, Links(items, visible));
    }

    private static List<MenuLinkView> Links(JsonArray items, Dictionary<string, ContentItem> visible)
    {
        var shown = visible.Keys.ToHashSet(StringComparer.Ordinal);
        var links = new List<MenuLinkView>();
        foreach (var entry in items.OfType<JsonObject>().Where(e => MenuTree.IsShown(e, shown)))
        {
            var url = MenuTree.SelectedId(entry) is { } id
                ? "/" + (visible[id].Part(BuiltInParts.AutoroutePart)?["Path"]?.GetValue<string>() ?? "")
                : entry[BuiltInParts.LinkMenuItemPart]?["Url"]?.GetValue<string>() ?? "/";
            var children = entry["MenuItemsListPart"]?[MenuTree.MenuItems] as JsonArray;
            links.Add(new MenuLinkView(entry["DisplayText"]?.GetValue<string>() ?? "", url, children is null ? [] : Links(children, visible)));
        }

        return links;
    }

    private static void Collect(JsonArray items, HashSet<string> ids)
    {
        foreach (var entry in items.OfType<JsonObject>())
        {
            if (MenuTree.SelectedId(entry) is { } id)
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
