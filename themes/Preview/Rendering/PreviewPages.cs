using Cms.Core.Content;
using Cms.Core.Metadata;

namespace Cms.Preview.Rendering;

/// <summary>A whole preview page for one version: the type's template (<c>article</c> for stories, <c>item</c> otherwise) inside the layout.</summary>
public sealed class PreviewPages(PreviewModelBuilder models, PreviewRenderer renderer, IContentDefinitionManager definitions, PreviewMenus menus)
{
    public const string Stylesheet = "/_content/Preview/preview.css";

    public async Task<string> RenderAsync(ContentItem item, string notice, CancellationToken cancellationToken = default)
    {
        var type = await definitions.GetTypeAsync(item.ContentType, cancellationToken)
            ?? throw new ContentValidationException("$.ContentType", $"unknown content type '{item.ContentType}'.");
        var site = await models.SiteAsync(cancellationToken);
        var page = new PageView(site.SiteName, item.DisplayText ?? item.ContentItemId, notice, Stylesheet, "")
        {
            Tagline = site.Tagline,
            FooterLines = site.FooterText?.Split('\n') ?? [],
            HeaderMenu = await menus.GetAsync(PreviewMenus.Header, cancellationToken),
            SideMenu = await menus.GetAsync(PreviewMenus.Side, cancellationToken),
        };
        return PreviewModelBuilder.IsStory(type)
            ? await renderer.RenderPageAsync("article", "article", await models.ArticleAsync(item, type, cancellationToken), page)
            : await renderer.RenderPageAsync("item", "item", await models.ItemAsync(item, type, renderer.HasTemplate, cancellationToken), page);
    }
}
