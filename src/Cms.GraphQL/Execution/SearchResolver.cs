using Cms.Core.Content;
using Cms.Core.Search;
using Cms.GraphQL.Schema;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.GraphQL.Execution;

/// <summary>
/// The root <c>search</c> field: full-text search over published items through <see cref="ContentSearchService"/>, the
/// same service as the admin's content list. Results, snippets and the total only count published items the caller
/// may view; a bad text or filter is an <c>INVALID_SEARCH</c> error naming what was wrong.
/// </summary>
internal static class SearchResolver
{
    public const string ErrorCode = "INVALID_SEARCH";

    public static FieldType Field(SharedTypes shared, CmsGraphQLOptions options)
    {
        var hit = new ObjectGraphType { Name = "SearchHit", Description = "One search result." };
        hit.AddField(new FieldType
        {
            Name = "score",
            Description = "Relevance, higher is better: an order within one answer, not a percentage.",
            Type = typeof(NonNullGraphType<FloatGraphType>),
            Resolver = Resolve.Sync(c => ((SearchHitNode)c.Source!).Score),
        });
        hit.AddField(new FieldType
        {
            Name = "snippet",
            Description = "A short passage as HTML: the text is escaped and each matched word is wrapped in <mark>…</mark>, the only markup.",
            Type = typeof(NonNullGraphType<StringGraphType>),
            Resolver = Resolve.Sync(c => ((SearchHitNode)c.Source!).Snippet),
        });
        hit.AddField(new FieldType
        {
            Name = "item",
            Description = "The published item; use fragments (... on Article).",
            ResolvedType = new NonNullGraphType(shared.ContentItem),
            Resolver = Resolve.Sync(c => ((SearchHitNode)c.Source!).Item),
        });
        var page = new ObjectGraphType { Name = "SearchResults", Description = "A page of search results, best first, with the number of all matches." };
        page.AddField(new FieldType
        {
            Name = "totalCount",
            Description = "How many published items match in all (counted only when selected).",
            Type = typeof(NonNullGraphType<IntGraphType>),
            Resolver = Resolve.Sync(c => ((SearchPage)c.Source!).TotalCount ?? 0),
        });
        page.AddField(new FieldType
        {
            Name = "items",
            ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(hit))),
            Resolver = Resolve.Sync(c => ((SearchPage)c.Source!).Items),
        });

        return new FieldType
        {
            Name = "search",
            Description = $"Full-text search over published articles (title, lead, body, tags, author names), best match first. The text is read as plain words "
                + $"(at most {SearchText.MaxLength} characters and {SearchText.MaxTerms} words; every word must occur; quotes, operators and punctuation mean nothing).",
            ResolvedType = new NonNullGraphType(page),
            Arguments = new QueryArguments(
                new QueryArgument<NonNullGraphType<StringGraphType>> { Name = "text", Description = "The words to find." },
                new QueryArgument<IntGraphType> { Name = "first", Description = $"Page size (default {options.DefaultPageSize}, at most {options.MaxPageSize})." },
                new QueryArgument<IntGraphType> { Name = "skip", Description = "Results to skip." },
                new QueryArgument<IdGraphType> { Name = "section", Description = "Only items filed under this section (content item id)." },
                new QueryArgument<IdGraphType> { Name = "author", Description = "Only items by this author (content item id)." },
                new QueryArgument<DateTimeGraphType> { Name = "from", Description = "Published at or after this time." },
                new QueryArgument<DateTimeGraphType> { Name = "to", Description = "Published before this time." }),
            Resolver = Resolve.Async(ResolveAsync),
        };
    }

    private static async Task<object?> ResolveAsync(IResolveFieldContext context)
    {
        var request = GraphQLRequestContext.From(context);
        var service = context.RequestServices!.GetRequiredService<ContentSearchService>();
        var first = context.GetArgument<int?>("first");
        var wantsItems = context.SubFields is not { } selected || selected.ContainsKey("items");
        ContentSearchResult result;
        try
        {
            result = await service.SearchAsync(new ContentSearchRequest
            {
                Text = context.GetArgument<string>("text") ?? "",
                Skip = context.GetArgument("skip", 0),
                Take = wantsItems ? first is null or 0 ? request.Options.DefaultPageSize : first.Value : 0,
                SectionId = context.GetArgument<string?>("section"),
                AuthorId = context.GetArgument<string?>("author"),
                FromUtc = Utc(context.GetArgument<DateTime?>("from")),
                ToUtc = Utc(context.GetArgument<DateTime?>("to")),
                IncludeTotal = context.SubFields is not { } fields || fields.ContainsKey("totalCount"),
            }, context.CancellationToken);
        }
        catch (ContentValidationException ex)
        {
            throw new ExecutionError(ex.Message) { Code = ErrorCode };
        }
        catch (ContentAccessDeniedException)
        {
            throw new ExecutionError("You are not allowed to view any searchable content.") { Code = "ACCESS_DENIED" };
        }

        return new SearchPage(result.Hits.Select(h => new SearchHitNode(new ContentNode(h.Item, Preview: false), h.Score, h.Snippet)).ToList(), result.Total);
    }

    private static DateTime? Utc(DateTime? value) => value switch
    {
        null => null,
        { Kind: DateTimeKind.Local } local => local.ToUniversalTime(),
        { } other => DateTime.SpecifyKind(other, DateTimeKind.Utc),
    };
}
