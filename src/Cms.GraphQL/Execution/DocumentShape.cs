using GraphQLParser.AST;

namespace Cms.GraphQL.Execution;

/// <summary>
/// What a parsed document asks for before any rule or resolver runs: how many aliased fields it has, how many root
/// fields the operation selects (fragments expanded), and whether it reads only the schema (introspection).
/// </summary>
internal sealed record DocumentShape(int Aliases, int RootFields, bool IntrospectionOnly)
{
    public static DocumentShape Of(GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var aliases = document.Definitions.Sum(d => d switch
        {
            GraphQLOperationDefinition o => CountAliases(o.SelectionSet),
            GraphQLFragmentDefinition f => CountAliases(f.SelectionSet),
            _ => 0,
        });
        var roots = new List<GraphQLField>();
        CollectRoots(operation.SelectionSet, fragments, roots, []);
        var introspectionOnly = roots.Count > 0 && roots.All(f => f.Name.StringValue.StartsWith("__", StringComparison.Ordinal));
        return new DocumentShape(aliases, roots.Count, introspectionOnly);
    }

    /// <summary>The refusal for a document over the limits, or null.</summary>
    public string? Check(CmsGraphQLOptions options) =>
        options.MaxAliases > 0 && Aliases > options.MaxAliases
            ? $"The document has {Aliases} aliases; at most {options.MaxAliases} are allowed (Cms:GraphQL:MaxAliases)."
            : options.MaxRootFields > 0 && RootFields > options.MaxRootFields
                ? $"The operation selects {RootFields} root fields; at most {options.MaxRootFields} are allowed (Cms:GraphQL:MaxRootFields)."
                : null;

    private static int CountAliases(GraphQLSelectionSet? selectionSet)
    {
        if (selectionSet is null)
        {
            return 0;
        }

        var count = 0;
        foreach (var selection in selectionSet.Selections)
        {
            count += selection switch
            {
                GraphQLField field => (field.Alias is null ? 0 : 1) + CountAliases(field.SelectionSet),
                GraphQLInlineFragment inline => CountAliases(inline.SelectionSet),
                _ => 0,
            };
        }

        return count;
    }

    private static void CollectRoots(GraphQLSelectionSet selectionSet, Dictionary<string, GraphQLFragmentDefinition> fragments, List<GraphQLField> roots, HashSet<string> visited)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    roots.Add(field);
                    break;
                case GraphQLInlineFragment inline:
                    CollectRoots(inline.SelectionSet, fragments, roots, visited);
                    break;
                case GraphQLFragmentSpread spread when fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment) && visited.Add(fragment.FragmentName.Name.StringValue):
                    CollectRoots(fragment.SelectionSet, fragments, roots, visited);
                    break;
            }
        }
    }
}
