using Cms.Core.Content;
using Cms.Core.Queries;
using Cms.Core.Security;
using Cms.GraphQL.Schema;
using GraphQL;

namespace Cms.GraphQL.Execution;

/// <summary>
/// <c>contentItem(contentItemId:, status:)</c>. PUBLISHED: the published version if the caller may view it, else
/// null. LATEST / DRAFT / ALL: the latest version (DRAFT: only when it is not published). A caller without the
/// preview permission for any type is refused before anything is read, so the answer is the same whether or not
/// the id exists; a caller with some preview permission gets null for an item it may not preview, exactly as for a
/// missing one.
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
        if (!await MayPreviewAnyAsync(request, knownTypes, context.CancellationToken))
        {
            throw new ExecutionError($"status: {status.ToString().ToUpperInvariant()} needs a preview permission (Preview_{{Type}} or PreviewOwn_{{Type}}).") { Code = "ACCESS_DENIED" };
        }

        var item = await request.Content.GetAsync(id, VersionOptions.Latest, context.CancellationToken);
        if (item is null || !knownTypes.Contains(item.ContentType) || (status == ContentStatus.Draft && item.Published)
            || !await request.Access.IsAllowedAsync(ContentAction.Preview, item, context.CancellationToken))
        {
            return null;
        }

        return new ContentNode(item, Preview: true);
    }

    private static async Task<bool> MayPreviewAnyAsync(GraphQLRequestContext request, IReadOnlySet<string> knownTypes, CancellationToken cancellationToken)
    {
        foreach (var type in knownTypes)
        {
            if (await request.Access.GetScopeAsync(ContentAction.Preview, type, cancellationToken) != AccessScope.None)
            {
                return true;
            }
        }

        return false;
    }
}
