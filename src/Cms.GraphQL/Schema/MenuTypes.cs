using System.Text.Json.Nodes;
using Cms.Core.Content;
using Cms.Core.Content.Menus;
using Cms.GraphQL.Execution;
using GraphQL;
using GraphQL.Types;

namespace Cms.GraphQL.Schema;

/// <summary>
/// The menu parts in Orchard Core's GraphQL shape: <c>menuItemsListPart { menuItems { ... } }</c> (the items are the
/// <c>MenuItem</c> types, reached with fragments: <c>... on LinkMenuItem</c>), <c>linkMenuItemPart { url target }</c>
/// and <c>contentMenuItemPart { selectedContentItem { ... } }</c>. A content menu item whose item the caller may not
/// see (unpublished, deleted, or not theirs to preview) is left out of <c>menuItems</c>, with whatever it holds, so
/// a menu never shows an entry that leads nowhere and never gives a draft away.
/// </summary>
internal sealed class MenuTypes
{
    public MenuTypes(InterfaceGraphType contentItem, IReadOnlySet<string> knownTypes)
    {
        LinkMenuItemPart = new ObjectGraphType { Name = BuiltInParts.LinkMenuItemPart, Description = "A menu entry's link; the entry's displayText is its text." };
        LinkMenuItemPart.AddField(new FieldType { Name = "url", Type = typeof(StringGraphType), Description = "An http(s) or mailto address, or a path on the site.", Resolver = Resolve.Part(p => JsonRead.String(p.Part?["Url"])) });
        LinkMenuItemPart.AddField(new FieldType { Name = "target", Type = typeof(StringGraphType), Description = "Where the link opens (_blank), empty for the same window.", Resolver = Resolve.Part(p => JsonRead.String(p.Part?["Target"])) });

        ContentMenuItemPart = new ObjectGraphType { Name = BuiltInParts.ContentMenuItemPart, Description = "A menu entry that opens a content item (a section or a page)." };
        ContentMenuItemPart.AddField(new FieldType
        {
            Name = "selectedContentItem",
            ResolvedType = contentItem,
            Description = "The item the entry opens, if the caller may see it (published, or the latest version inside a preview query).",
            Resolver = Resolve.Sync(c =>
            {
                var part = (PartSource)c.Source!;
                if (SelectedId(part.Part) is not { } id)
                {
                    return null;
                }

                var loader = GraphQLRequestContext.From(c).Loader.For(part.Node.Preview);
                return LoaderResult<object?>.Then(loader.Load(id), node => node is not null && knownTypes.Contains(node.Item.ContentType) ? node : null);
            }),
        });

        MenuItemsListPart = new ObjectGraphType { Name = BuiltInParts.MenuItemsListPart, Description = "An ordered list of menu items; each can hold a list of its own." };
        MenuItem = new InterfaceGraphType { Name = MenuTree.MenuItemStereotype, Description = "A menu entry (LinkMenuItem, ContentMenuItem): its label is displayText, and it can hold entries of its own." };
        foreach (var field in contentItem.Fields)
        {
            MenuItem.AddField(new FieldType { Name = field.Name, Type = field.Type, ResolvedType = field.ResolvedType, Description = field.Description });
        }

        MenuItem.AddField(new FieldType { Name = "menuItemsListPart", ResolvedType = MenuItemsListPart, Description = "The entries under this one." });
        MenuItemsListPart.AddField(new FieldType
        {
            Name = "menuItems",
            ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(MenuItem))),
            Description = "The items in order (LinkMenuItem, ContentMenuItem); content items the caller may not see are left out.",
            Resolver = Resolve.Sync(c =>
            {
                var part = (PartSource)c.Source!;
                var entries = Entries(part).ToList();
                var ids = entries.Select(e => e.SelectedId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
                if (ids.Count == 0)
                {
                    return entries.Select(e => e.Node).ToList();
                }

                var loader = GraphQLRequestContext.From(c).Loader.For(part.Node.Preview);
                return LoaderResult<object?>.Then(loader.LoadMany(ids), nodes =>
                {
                    var visible = nodes.OfType<ContentNode>().Where(n => knownTypes.Contains(n.Item.ContentType)).Select(n => n.Item.ContentItemId).ToHashSet(StringComparer.Ordinal);
                    return entries.Where(e => MenuTree.IsShown(e.Entry, visible)).Select(e => e.Node).ToList();
                });
            }),
        }

        // Not weighed like a page of items: a menu's entries come from its one stored document, which the content
        // manager caps at MenuTree.MaxItems entries over at most MenuTree.MaxDepth levels, and the items they open load
        // in one batch per level. Weighing each level as a page (x7) would refuse the three-level menu query.
        .WithComplexityImpact(fieldImpact: 1, childImpactMultiplier: 1));
    }

    public ObjectGraphType LinkMenuItemPart { get; }

    public ObjectGraphType ContentMenuItemPart { get; }

    public ObjectGraphType MenuItemsListPart { get; }

    /// <summary>The interface of the <c>MenuItem</c> types, so <c>menuItemsListPart</c> can be asked of every entry without a fragment.</summary>
    public InterfaceGraphType MenuItem { get; }

    public ObjectGraphType? Part(string partName) => partName switch
    {
        BuiltInParts.LinkMenuItemPart => LinkMenuItemPart,
        BuiltInParts.ContentMenuItemPart => ContentMenuItemPart,
        BuiltInParts.MenuItemsListPart => MenuItemsListPart,
        _ => null,
    };

    /// <summary>
    /// The entries of a list as items of their own types. They are not stored items: they share the menu version's
    /// id, flags and dates, and show no owner or author.
    /// </summary>
    private static IEnumerable<(ContentNode Node, JsonObject Entry, string? SelectedId)> Entries(PartSource list)
    {
        if (list.Part?[MenuTree.MenuItems] is not JsonArray items)
        {
            yield break;
        }

        var menu = list.Node.Item;
        foreach (var entry in items.OfType<JsonObject>())
        {
            var item = ContentItemJson.FromJson(entry);
            item.ContentItemVersionId = menu.ContentItemVersionId;
            item.Latest = menu.Latest;
            item.Published = menu.Published;
            item.CreatedUtc = menu.CreatedUtc;
            item.ModifiedUtc = menu.ModifiedUtc;
            item.PublishedUtc = menu.PublishedUtc;
            item.Stage = menu.Stage;
            item.Owner = null;
            item.Author = null;
            yield return (new ContentNode(item, list.Node.Preview), entry, MenuTree.SelectedId(entry));
        }
    }

    private static string? SelectedId(JsonObject? part) =>
        part?["SelectedContentItem"]?["ContentItemIds"] is JsonArray { Count: > 0 } ids ? JsonRead.String(ids[0]) : null;
}
