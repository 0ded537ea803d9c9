using System.Text.Json.Nodes;

namespace Cms.Core.Content.Menus;

/// <summary>A content menu item of a menu: the stored entry, where it is, the item it opens and the types it may open (empty: any).</summary>
public sealed record MenuTarget(JsonObject Entry, string Path, string ContentItemId, IReadOnlyList<string> AllowedTypes);
