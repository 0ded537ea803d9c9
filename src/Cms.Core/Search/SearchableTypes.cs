using Cms.Core.Content;
using Cms.Core.Metadata;

namespace Cms.Core.Search;

/// <summary>
/// Which content types are searched: those with a title and an HTML body (the newsroom's articles; a page type built the
/// same way joins without code). Sections and authors are not results: an author's name is found through their articles.
/// </summary>
public static class SearchableTypes
{
    public static bool IsSearchable(ContentTypeDefinition type) =>
        string.IsNullOrEmpty(type.Settings.Stereotype) && type.HasPart(BuiltInParts.TitlePart) && type.HasPart(BuiltInParts.HtmlBodyPart);

    public static IReadOnlyList<ContentTypeDefinition> Of(ContentDefinitionSet definitions) =>
        definitions.Types.Values.Where(IsSearchable).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
}
