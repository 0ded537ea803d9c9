using Cms.Core.Content.Related;
using Cms.GraphQL.Schema;
using GraphQL;

namespace Cms.GraphQL.Execution;

/// <summary>
/// <c>related(first:)</c> by <see cref="RelatedItemsRule"/>: the hand-picked related items first, then the newest
/// published items of the same group. Both stages go through data loaders, so a list of items asking for
/// <c>related</c> costs a query per distinct group, not per item.
/// </summary>
internal static class RelatedItemsResolver
{
    public static object Resolve(IResolveFieldContext context, RelatedItemsRule rule)
    {
        var request = GraphQLRequestContext.From(context);
        var node = (ContentNode)context.Source!;
        var first = Math.Clamp(context.GetArgument("first", 4), 0, request.Options.MaxPageSize);
        var pickedIds = rule.PickedIds(node.Item);
        var groupId = rule.GroupId(node.Item);

        return LoaderResult<object?>.Then(request.Loader.For(node.Preview).LoadMany(pickedIds), picked =>
        {
            var chosen = picked.OfType<ContentNode>().ToList();
            if (rule.Combine(node.Item.ContentItemId, chosen, null, first, n => n.Item) is var only && (only.Count >= first || groupId is null || rule.Group is null))
            {
                return only;
            }

            var newest = request.Loader.Newest(rule.Type.Name, rule.Group.PartKey, rule.Group.Field.Name).Load((groupId, RelatedItemsRule.TopUpTake(first, pickedIds.Count)));
            return LoaderResult<object?>.Then(newest, items => rule.Combine(node.Item.ContentItemId, chosen, items ?? [], first, n => n.Item));
        });
    }
}
