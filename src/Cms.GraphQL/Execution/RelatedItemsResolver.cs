using Cms.Core.Fields;
using Cms.Core.Metadata;
using Cms.GraphQL.Schema;
using GraphQL;

namespace Cms.GraphQL.Execution;

/// <summary>
/// <c>related(first:)</c>: the hand-picked related items first (in their order), then the newest published
/// items of the same group (e.g. section), never the item itself and never twice. Both stages go through data
/// loaders, so a list of items asking for <c>related</c> costs a query per distinct group, not per item.
/// </summary>
internal static class RelatedItemsResolver
{
    public static RelatedFields? Find(ContentTypeDefinition type, ContentDefinitionSet definitions)
    {
        PickerReference? picked = null;
        PickerReference? group = null;
        foreach (var (typePart, field) in definitions.FieldsOf(type))
        {
            if (field.FieldName != "ContentPickerField" || !typePart.IsCollapsed(type.Name))
            {
                continue;
            }

            var allowed = ContentPickerFieldKind.AllowedTypes(field.KindSettings);
            var multiple = field.KindSettings["Multiple"] is System.Text.Json.Nodes.JsonValue m && m.TryGetValue<bool>(out var isMultiple) && isMultiple;
            if (picked is null && field.Name.StartsWith("Related", StringComparison.Ordinal) && allowed.Contains(type.Name))
            {
                picked = new PickerReference(typePart.Name, field);
            }
            else if (group is null && !multiple && allowed.Count > 0 && !allowed.Contains(type.Name))
            {
                group = new PickerReference(typePart.Name, field);
            }
        }

        return picked is null ? null : new RelatedFields(type, picked, group);
    }

    public static object Resolve(IResolveFieldContext context, RelatedFields related)
    {
        var request = GraphQLRequestContext.From(context);
        var node = (ContentNode)context.Source!;
        var first = Math.Clamp(context.GetArgument("first", 4), 0, request.Options.MaxPageSize);
        var self = node.Item.ContentItemId;
        var pickedIds = Ids(node, related.Picked).Where(id => id != self).Distinct(StringComparer.Ordinal).ToList();
        var groupId = related.Group is { } group && Ids(node, group) is [var first0, ..] ? first0 : null;

        return LoaderResult<object?>.Then(request.Loader.For(node.Preview).LoadMany(pickedIds), picked =>
        {
            var chosen = picked.OfType<ContentNode>().Where(n => n.Item.ContentType == related.Type.Name).Take(first).ToList();
            var need = first - chosen.Count;
            if (need <= 0 || groupId is null || related.Group is null)
            {
                return chosen;
            }

            var taken = chosen.Select(n => n.Item.ContentItemId).Append(self).ToHashSet(StringComparer.Ordinal);
            var newest = request.Loader.Newest(related.Type.Name, related.Group.PartKey, related.Group.Field.Name).Load((groupId, first + pickedIds.Count + 1));
            return LoaderResult<object?>.Then(newest, items =>
                chosen.Concat((items ?? []).Where(n => !taken.Contains(n.Item.ContentItemId)).Take(need)).ToList());
        });
    }

    private static IReadOnlyList<string> Ids(ContentNode node, PickerReference picker) =>
        JsonRead.Strings(node.Item.Part(picker.PartKey)?[picker.Field.Name]?["ContentItemIds"]);
}
