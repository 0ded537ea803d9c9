using Cms.Core.Content;
using Cms.Core.Queries;
using Cms.Core.Security;
using Cms.GraphQL.Schema;
using GraphQL;

namespace Cms.GraphQL.Execution;

/// <summary>
/// <c>contentItem(contentItemId:, status:)</c>. PUBLISHED: the published version if the caller may view it, else
/// null. LATEST / DRAFT / ALL: refused (ACCESS_DENIED) for a caller who may preview nothing, whatever the id;
/// otherwise the latest version (DRAFT: only when it is not published) if the caller may preview it, else null,
/// exactly as for an id that does not exist.
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
        var mayPreviewSomething = false;
        foreach (var type in knownTypes)
        {
            if (await request.Access.GetScopeAsync(ContentAction.Preview, type, context.CancellationToken) != AccessScope.None)
            {
                mayPreviewSomething = true;
                break;
            }
        }

        if (!mayPreviewSomething)
        {
            throw new ExecutionError($"status: {status.ToString().ToUpperInvariant()} needs a preview permission.") { Code = "ACCESS_DENIED" };
        }

        // The content manager answers null for a version the caller may not preview, as for a missing one.
        var item = await request.Content.GetAsync(id, VersionOptions.Latest, context.CancellationToken);
        if (item is null || !knownTypes.Contains(item.ContentType) || (status == ContentStatus.Draft && item.Published))
        {
            return null;
        }

        return new ContentNode(item, Preview: true);
    }
}
