using Cms.Core.Content;
using Cms.Core.Metadata;
using Cms.Core.Settings;
using Cms.Core.Storage;
using Cms.GraphQL;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.Extensions.Options;

namespace Cms.Admin.Pages.Admin.Content;

/// <summary><c>/admin/content/new/{type}</c>: an empty editor for a type the caller may create items of.</summary>
public sealed class NewModel(
    IContentManager content,
    IContentStore store,
    IContentDefinitionManager definitions,
    ISiteSettingsService settings,
    ICompositeViewEngine views,
    IContentAccess access,
    IOptions<CmsGraphQLOptions> graphQL,
    ContentItemNormalizer normalizer) : EditorPageModel(content, store, definitions, settings, views, graphQL, normalizer)
{
    public async Task<IActionResult> OnGetAsync(string type, CancellationToken cancellationToken)
    {
        if (await Definitions.GetTypeAsync(type, cancellationToken) is not { } definition)
        {
            return NotFound();
        }

        // The same check the content manager makes when the item is created: may the caller edit an item of theirs of this type?
        var draft = new ContentItem { ContentType = definition.Name, Owner = access.Actor.UserId };
        if (!await access.IsAllowedAsync(ContentAction.Edit, draft, cancellationToken))
        {
            return Forbid();
        }

        await BuildAsync(definition, null, cancellationToken);
        return Page();
    }
}
