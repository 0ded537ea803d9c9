using Cms.Core.Metadata;

namespace Cms.Core.Content;

/// <summary>The route path a save gives an item: its own, or the first one tried from its title under the type's prefix.</summary>
internal static class AutoroutePaths
{
    public static ContentTypePartDefinition? Autoroute(ContentTypeDefinition type) =>
        type.Parts.FirstOrDefault(p => p.PartName == BuiltInParts.AutoroutePart);

    /// <summary>The item's own path, or else the path generated from its title that a save looks up first (numbered ones come after, when it is taken).</summary>
    public static string? FirstLookup(ContentItem item, ContentTypeDefinition type, string contentItemId)
    {
        if (Autoroute(type) is not { } autoroute)
        {
            return null;
        }

        var explicitPath = item.Part(autoroute.Name)?["Path"]?.GetValue<string>();
        return string.IsNullOrEmpty(explicitPath) ? Prefix(autoroute) + Slug(item.DisplayText, contentItemId) : explicitPath;
    }

    /// <summary>The slug of the title; the item's id (or "untitled") when the title has none.</summary>
    public static string Slug(string? title, string contentItemId)
    {
        var slug = Content.Slug.Slugify(title ?? "");
        return slug.Length > 0 ? slug : contentItemId.Length > 0 ? contentItemId : "untitled";
    }

    /// <summary>The literal text before the first Liquid tag of the AutoroutePart pattern, e.g. "articles/".</summary>
    public static string Prefix(ContentTypePartDefinition autoroute)
    {
        var pattern = autoroute.Settings["AutoroutePartSettings"]?["Pattern"]?.GetValue<string>() ?? "";
        var end = pattern.IndexOf("{{", StringComparison.Ordinal);
        var prefix = end < 0 ? "" : pattern[..end];
        return Content.Slug.NormalizePath(prefix) is { } clean ? clean + "/" : "";
    }
}
