using Cms.Core.Content;
using Cms.Core.Metadata;
using Cms.Core.Settings;
using Cms.Core.Storage;
using Cms.GraphQL;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.Extensions.Options;

namespace Cms.Admin.Pages.Admin.Content;

/// <summary><c>/admin/content/{id}/edit</c>: the latest version, if the caller may preview it (otherwise not found, as for a missing id).</summary>
public sealed class EditModel(
    IContentManager content,
    IContentStore store,
    IContentDefinitionManager definitions,
    ISiteSettingsService settings,
    ICompositeViewEngine views,
    IOptions<CmsGraphQLOptions> graphQL,
    ContentItemNormalizer normalizer) : EditorPageModel(content, store, definitions, settings, views, graphQL, normalizer)
{
    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var item = await ContentManager.GetAsync(id, VersionOptions.Latest, cancellationToken);
        if (item is null || await Definitions.GetTypeAsync(item.ContentType, cancellationToken) is not { } type)
        {
            return NotFound();
        }

        await BuildAsync(type, item, cancellationToken);
        return Page();
    }
}
