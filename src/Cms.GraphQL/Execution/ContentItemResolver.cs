using Cms.Core.Content;
using Cms.Core.Queries;
using Cms.GraphQL.Schema;
using GraphQL;

namespace Cms.GraphQL.Execution;

/// <summary>
/// <c>contentItem(contentItemId:, status:)</c>. PUBLISHED: the published version if the caller may view it, else
/// null. LATEST / DRAFT / ALL: the latest version (DRAFT: only when it is not published), and an error when the
/// caller may not preview it, never a silent fallback.
/// </summary>
internal static class ContentItemResolver
{
    public static async Task<object?> ResolveAsync(IResolveFieldContext context, IReadOnlySet<string> knownTypes)
    {
        var request = GraphQLRequestContext.From(context);
        var id = context.GetArgument<string>("contentItemId");
        var status = context.GetArgument("status", ContentStatus.Published);
        if (status == ContentStatus.Published)
        {
            return LoaderResult<object?>.Then(request.Loader.Published.Load(id), node => node is not null && knownTypes.Contains(node.Item.ContentType) ? node : null);
        }

        request.UsedPreview = true;
        var item = await request.Content.GetAsync(id, VersionOptions.Latest, context.CancellationToken);
        if (item is null || !knownTypes.Contains(item.ContentType) || (status == ContentStatus.Draft && item.Published))
        {
            return null;
        }

        if (!await request.Access.IsAllowedAsync(ContentAction.Preview, item, context.CancellationToken))
        {
            throw ContentListResolver.AccessDenied(item.ContentType, status);
        }

        return new ContentNode(item, Preview: true);
    }
}
