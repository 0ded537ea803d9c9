using GraphQLParser.AST;

namespace Cms.GraphQL.Execution;

/// <summary>
/// A parsed document that passed every validation rule once, with what decides which rules must run again for a later
/// request (see <see cref="GraphQLExecutor"/>). The rules that measure a document (depth and complexity, page size) read
/// variables only through <c>first</c>, <c>last</c> and <c>skip</c>, and through directives (<c>@include(if: $x)</c>
/// changes what is selected); the introspection rule only looks for <c>__schema</c> and <c>__type</c> fields.
/// </summary>
internal sealed record ValidatedDocument(GraphQLDocument Document, bool MeasureUsesVariables, bool ReadsSchema)
{
    private static readonly HashSet<string> MeasuredArguments = new(StringComparer.Ordinal) { "first", "last", "skip" };

    public static ValidatedDocument Of(GraphQLDocument document)
    {
        var walk = new Walk();
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLOperationDefinition operation:
                    walk.Directives(operation.Directives);
                    walk.Selections(operation.SelectionSet);
                    break;
                case GraphQLFragmentDefinition fragment:
                    walk.Directives(fragment.Directives);
                    walk.Selections(fragment.SelectionSet);
                    break;
            }
        }

        return new ValidatedDocument(document, walk.MeasureUsesVariables, walk.ReadsSchema);
    }

    private sealed class Walk
    {
        public bool MeasureUsesVariables { get; private set; }

        public bool ReadsSchema { get; private set; }

        public void Selections(GraphQLSelectionSet? selectionSet)
        {
            if (selectionSet is null)
            {
                return;
            }

            foreach (var selection in selectionSet.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        ReadsSchema |= field.Name.StringValue is "__schema" or "__type";
                        foreach (var argument in field.Arguments?.Items ?? [])
                        {
                            MeasureUsesVariables |= MeasuredArguments.Contains(argument.Name.StringValue) && HasVariable(argument.Value);
                        }

                        Directives(field.Directives);
                        Selections(field.SelectionSet);
                        break;
                    case GraphQLInlineFragment inline:
                        Directives(inline.Directives);
                        Selections(inline.SelectionSet);
                        break;
                    case GraphQLFragmentSpread spread:
                        Directives(spread.Directives);
                        break;
                }
            }
        }

        public void Directives(GraphQLDirectives? directives)
        {
            foreach (var directive in directives?.Items ?? [])
            {
                foreach (var argument in directive.Arguments?.Items ?? [])
                {
                    MeasureUsesVariables |= HasVariable(argument.Value);
                }
            }
        }

        private static bool HasVariable(GraphQLValue value) => value switch
        {
            GraphQLVariable => true,
            GraphQLListValue list => list.Values?.Any(HasVariable) == true,
            GraphQLObjectValue obj => obj.Fields?.Any(f => HasVariable(f.Value)) == true,
            _ => false,
        };
    }
}
