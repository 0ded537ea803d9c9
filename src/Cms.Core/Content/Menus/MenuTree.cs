using System.Text.Json.Nodes;
using Cms.Core.Fields;
using Cms.Core.Metadata;

namespace Cms.Core.Content.Menus;

/// <summary>
/// The rules of menus, in Orchard Core's shape: a <c>MenuItemsListPart</c> holds <c>MenuItems</c>, an ordered list of
/// menu items stored inside the document (not items of their own): <c>LinkMenuItem</c> (<c>LinkMenuItemPart.Url</c>)
/// and <c>ContentMenuItem</c> (<c>ContentMenuItemPart.SelectedContentItem.ContentItemIds</c>), types with the
/// <c>MenuItem</c> stereotype. Each item's label is its <c>DisplayText</c>, and an item can hold a
/// <c>MenuItemsListPart</c> of its own, down to <see cref="MaxDepth"/> levels. The content manager applies these rules
/// to every save, import and preview, so the API, the admin's menu editor and recipes meet the same checks.
/// </summary>
public static class MenuTree
{
    /// <summary>Top-level items are level 1; an item on this level cannot hold items.</summary>
    public const int MaxDepth = 3;

    /// <summary>Items in one menu, all levels together.</summary>
    public const int MaxItems = 500;

    public const string MenuItemStereotype = "MenuItem";

    public const string MenuItems = "MenuItems";

    /// <summary>The type-part setting that lists the types a content menu item may point at (any type when missing).</summary>
    public const string ContentMenuItemPartSettings = "ContentMenuItemPartSettings";

    private static readonly HashSet<string> LinkTargets = new(StringComparer.Ordinal) { "", "_blank", "_self", "_parent", "_top" };

    /// <summary>Checks <c>LinkMenuItemPart</c>: a safe <c>Url</c> (as <see cref="LinkFieldKind.IsSafeUrl"/>) and an optional <c>Target</c>.</summary>
    public static void NormalizeLink(JsonObject part, string path, List<ContentValidationError> errors)
    {
        if (!JsonValues.TryString(part["Url"], out var url))
        {
            errors.Add(new($"{path}.Url", "must be a string."));
        }
        else if (string.IsNullOrWhiteSpace(url))
        {
            errors.Add(new($"{path}.Url", "is required: a link menu item needs an address."));
        }
        else if (url.Trim().Length > 2048 || !LinkFieldKind.IsSafeUrl(url.Trim()))
        {
            errors.Add(new($"{path}.Url", $"'{Shorten(url)}' {LinkFieldKind.SafeUrlMessage}"));
        }
        else
        {
            part["Url"] = url.Trim();
        }

        if (!JsonValues.TryString(part["Target"], out var target) || !LinkTargets.Contains(target ?? ""))
        {
            errors.Add(new($"{path}.Target", "must be empty or one of _blank, _self, _parent, _top."));
        }
    }

    /// <summary>Checks the shape of <c>ContentMenuItemPart</c>: exactly one selected item. Whether it exists is checked by the content manager.</summary>
    public static void NormalizeContentLink(JsonObject part, string path, List<ContentValidationError> errors)
    {
        var selected = part["SelectedContentItem"] as JsonObject;
        if (selected is null || !JsonValues.TryStringArray(selected["ContentItemIds"], out var ids))
        {
            errors.Add(new($"{path}.SelectedContentItem.ContentItemIds", "must be an array holding the id of the item the menu entry opens."));
            return;
        }

        var clean = ids.Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (clean.Count != 1)
        {
            errors.Add(new($"{path}.SelectedContentItem.ContentItemIds", $"a content menu item opens exactly one item, not {clean.Count}."));
            return;
        }

        selected["ContentItemIds"] = new JsonArray(clean[0]);
    }

    /// <summary>
    /// Checks and cleans the items of a <c>MenuItemsListPart</c> at <paramref name="level"/> (1 for a menu's own items):
    /// each must be an object of a <c>MenuItem</c> type, is checked as an item of that type by
    /// <paramref name="normalizeItem"/> (which comes back here for its own list), gets an id when it has none, and is
    /// written back as <c>{ ContentItemId, ContentType, DisplayText, parts... }</c>.
    /// </summary>
    public static void NormalizeList(
        JsonObject part,
        string path,
        int level,
        ContentDefinitionSet definitions,
        MenuWalk walk,
        Action<ContentItem, ContentTypeDefinition, string, int> normalizeItem,
        List<ContentValidationError> errors)
    {
        if (part[MenuItems] is null)
        {
            part[MenuItems] = new JsonArray();
            return;
        }

        if (part[MenuItems] is not JsonArray items)
        {
            errors.Add(new($"{path}.{MenuItems}", "must be an array of menu items."));
            return;
        }

        if (items.Count > 0 && level > MaxDepth)
        {
            errors.Add(new($"{path}.{MenuItems}", $"menus nest at most {MaxDepth} levels: an item on level {MaxDepth} cannot hold items, so these would be on level {level}."));
            return;
        }

        var clean = new JsonArray();
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{path}.{MenuItems}[{i}]";
            if (++walk.Count > MaxItems)
            {
                errors.Add(new(itemPath, $"a menu holds at most {MaxItems} items."));
                return;
            }

            if (items[i] is not JsonObject json)
            {
                errors.Add(new(itemPath, "a menu item must be a JSON object."));
                continue;
            }

            ContentItem entry;
            try
            {
                entry = ContentItemJson.FromJson(json, itemPath);
            }
            catch (ContentValidationException ex)
            {
                errors.AddRange(ex.Errors);
                continue;
            }

            var type = definitions.FindType(entry.ContentType);
            if (type is null || !string.Equals(type.Settings.Stereotype, MenuItemStereotype, StringComparison.Ordinal))
            {
                var kinds = definitions.Types.Values.Where(t => t.Settings.Stereotype == MenuItemStereotype).Select(t => t.Name).Order(StringComparer.Ordinal);
                errors.Add(new($"{itemPath}.ContentType", $"'{entry.ContentType}' is not a menu item type; a menu holds {string.Join(", ", kinds)}."));
                continue;
            }

            entry.ContentItemId = string.IsNullOrWhiteSpace(entry.ContentItemId) ? IdGenerator.NewId() : entry.ContentItemId.Trim();
            if (!walk.Ids.Add(entry.ContentItemId))
            {
                errors.Add(new($"{itemPath}.ContentItemId", $"'{entry.ContentItemId}' is used by another item of this menu."));
            }

            var label = entry.DisplayText?.Trim() ?? "";
            if (label.Length > BuiltInParts.MaxTitleLength)
            {
                errors.Add(new($"{itemPath}.DisplayText", $"is longer than {BuiltInParts.MaxTitleLength} characters."));
            }
            else if (label.Length == 0 && type.HasPart(BuiltInParts.LinkMenuItemPart))
            {
                errors.Add(new($"{itemPath}.DisplayText", "is required: the text of a link menu item."));
            }

            entry.DisplayText = label;
            normalizeItem(entry, type, itemPath, level);
            var written = new JsonObject
            {
                ["ContentItemId"] = entry.ContentItemId,
                ["ContentType"] = entry.ContentType,
                ["DisplayText"] = entry.DisplayText,
            };
            foreach (var (key, value) in entry.Content)
            {
                written[key] = value?.DeepClone();
            }

            clean.Add(written);
        }

        part[MenuItems] = clean;
    }

    /// <summary>Every content menu item of an item's menu tree, with the types it may point at (empty: any).</summary>
    public static IReadOnlyList<MenuTarget> Targets(ContentItem item, ContentTypeDefinition type, ContentDefinitionSet definitions)
    {
        var found = new List<MenuTarget>();
        foreach (var typePart in type.Parts.Where(p => p.PartName == BuiltInParts.MenuItemsListPart))
        {
            Collect(item.Part(typePart.Name), $"$.{typePart.Name}", definitions, found);
        }

        return found;
    }

    private static void Collect(JsonObject? list, string path, ContentDefinitionSet definitions, List<MenuTarget> found)
    {
        if (list?[MenuItems] is not JsonArray items)
        {
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonObject entry || entry["ContentType"]?.GetValue<string>() is not { } typeName || definitions.FindType(typeName) is not { } type)
            {
                continue;
            }

            var itemPath = $"{path}.{MenuItems}[{i}]";
            foreach (var typePart in type.Parts)
            {
                if (typePart.PartName == BuiltInParts.ContentMenuItemPart
                    && entry[typePart.Name]?["SelectedContentItem"]?["ContentItemIds"] is JsonArray { Count: 1 } ids
                    && ids[0]?.GetValue<string>() is { } id)
                {
                    var allowed = JsonValues.TryStringArray(typePart.Settings[ContentMenuItemPartSettings]?["DisplayedContentTypes"], out var types) ? types : [];
                    found.Add(new MenuTarget(entry, $"{itemPath}.{typePart.Name}.SelectedContentItem.ContentItemIds[0]", id, allowed));
                }
                else if (typePart.PartName == BuiltInParts.MenuItemsListPart)
                {
                    Collect(entry[typePart.Name] as JsonObject, $"{itemPath}.{typePart.Name}", definitions, found);
                }
            }
        }
    }

    /// <summary>The id of the item a stored entry opens, or null for a link entry.</summary>
    public static string? SelectedId(JsonObject entry) =>
        entry[BuiltInParts.ContentMenuItemPart]?["SelectedContentItem"]?["ContentItemIds"] is JsonArray { Count: > 0 } ids && ids[0] is JsonValue v && v.TryGetValue<string>(out var id)
            ? id
            : null;

    /// <summary>
    /// Whether readers see an entry: a link always; a content entry only when its item is among those the reader may
    /// see (<paramref name="visible"/>). A hidden entry is left out with everything under it, so a menu never leads to
    /// a draft or a missing page. GraphQL and the preview theme both show menus by this rule.
    /// </summary>
    public static bool IsShown(JsonObject entry, IReadOnlySet<string> visible) =>
        SelectedId(entry) is not { } id || visible.Contains(id);

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..60] + "…";
}
