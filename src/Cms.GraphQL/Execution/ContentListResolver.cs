using System.Collections;
using Cms.Core.Content;
using Cms.Core.Queries;
using Cms.Core.Security;
using Cms.GraphQL.Schema;
using GraphQL;

namespace Cms.GraphQL.Execution;

/// <summary>
/// The root list fields (<c>article</c>, <c>articlePage</c>). PUBLISHED needs View (or ViewOwn: own items only)
/// for the type; DRAFT / LATEST / ALL need Preview (or PreviewOwn). Without it the field fails with an error,
/// never an empty list. The content manager applies those rules in SQL with the filters and sorts.
/// </summary>
internal static class ContentListResolver
{
    /// <summary>
    /// Resolves the field, once per request for each distinct field, arguments and selection of totals: aliases of
    /// the same list with the same arguments share one query (and one answer).
    /// </summary>
    public static Task<object?> ResolveAsync(IResolveFieldContext context, ContentTypeSchema typeSchema, bool page)
    {
        var request = GraphQLRequestContext.From(context);
        var selected = page ? context.SubFields : null;
        var key = string.Join('\u001f',
            context.FieldDefinition.Name,
            selected is null ? "" : string.Join(',', selected.Keys.Order(StringComparer.Ordinal)),
            ArgumentsKey(context));
        if (!request.Lists.TryGetValue(key, out var result))
        {
            result = ResolveOnceAsync(context, typeSchema, page);
            request.Lists[key] = result;
        }

        return result;
    }

    private static string ArgumentsKey(IResolveFieldContext context)
    {
        if (context.Arguments is null)
        {
            return "";
        }

        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, argument) in context.Arguments)
        {
            values[name] = argument.Value;
        }

        return System.Text.Json.JsonSerializer.Serialize(values);
    }

    private static async Task<object?> ResolveOnceAsync(IResolveFieldContext context, ContentTypeSchema typeSchema, bool page)
    {
        var request = GraphQLRequestContext.From(context);
        var type = typeSchema.Definition.Name;
        var status = context.GetArgument("status", ContentStatus.Published);
        var preview = status != ContentStatus.Published;
        var cancellationToken = context.CancellationToken;
        if (preview)
        {
            request.UsedPreview = true;
        }

        var filters = new List<ContentFilter>();
        var where = WhereTranslator.Translate(Resolve.Argument(context, "where"), typeSchema.WhereKeys);
        var sorts = Sorts(Resolve.Argument(context, "orderBy"), typeSchema);
        await PrivateColumns.CheckAsync(request, type, where, sorts, preview, cancellationToken);
        if (where is not null)
        {
            filters.Add(where);
        }

        var first = context.GetArgument<int?>("first");
        var selected = page ? context.SubFields : null;
        var wantsItems = !page || selected is null || selected.ContainsKey("items");
        var query = new ContentQuery
        {
            ContentType = type,
            Status = status,
            Where = filters.Count switch
            {
                0 => null,
                1 => filters[0],
                _ => new AndFilter(filters),
            },
            OrderBy = sorts,
            Skip = context.GetArgument("skip", 0),
            Take = wantsItems ? first is null or 0 ? request.Options.DefaultPageSize : first.Value : 0,
            IncludeTotal = page && selected is not null && selected.ContainsKey("totalCount"),
        };

        ContentQueryResult result;
        try
        {
            result = await request.Content.QueryAsync(query, cancellationToken);
        }
        catch (ContentValidationException ex)
        {
            throw new ExecutionError(ex.Message) { Code = "INVALID_FILTER" };
        }
        catch (ContentAccessDeniedException)
        {
            throw AccessDenied(type, status);
        }

        // The content manager narrowed the query to what the caller may read (own items only for "own" permissions).
        var nodes = new List<ContentNode>(result.Items.Count);
        foreach (var item in result.Items)
        {
            nodes.Add(new ContentNode(item, preview));
        }

        return page ? new ContentPage(nodes, result.Total) : nodes;
    }

    public static ExecutionError AccessDenied(string type, ContentStatus status) =>
        status == ContentStatus.Published
            ? new ExecutionError($"You are not allowed to view {type} items (permission {ContentPermissions.Name(ContentAction.View, type, own: false)} or {ContentPermissions.Name(ContentAction.View, type, own: true)}).") { Code = "ACCESS_DENIED" }
            : new ExecutionError($"status: {status.ToString().ToUpperInvariant()} needs the preview permission for {type} ({ContentPermissions.Name(ContentAction.Preview, type, own: false)} or {ContentPermissions.Name(ContentAction.Preview, type, own: true)}).") { Code = "ACCESS_DENIED" };

    private static List<ContentSort> Sorts(object? orderBy, ContentTypeSchema typeSchema)
    {
        var sorts = new List<ContentSort>();
        var entries = orderBy switch
        {
            null => [],
            IDictionary<string, object?> single => [single],
            IEnumerable list => list.OfType<IDictionary<string, object?>>(),
            _ => [],
        };
        foreach (var entry in entries)
        {
            foreach (var (name, direction) in entry)
            {
                if (direction is SortDirection d && typeSchema.OrderKeys.TryGetValue(name, out var target))
                {
                    sorts.Add(target.Sort(d == SortDirection.Descending));
                }
            }
        }

        return sorts;
    }
}
