using GraphQL.Validation;
using GraphQLParser.AST;

namespace Cms.GraphQL.Execution;

/// <summary>
/// Rejects <c>first</c> above the page size limit and negative <c>first</c> / <c>skip</c> (or <c>skip</c> above
/// its limit) during validation, before anything runs, with a message naming the field and the limit.
/// </summary>
internal sealed class PageSizeValidationRule(CmsGraphQLOptions options) : IValidationRule
{
    public const string Code = "PAGE_SIZE";

    public ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => default;

    public ValueTask<IVariableVisitor?> GetVariableVisitorAsync(ValidationContext context) => default;

    public ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        if (context.ArgumentValues is not { } fields)
        {
            return default;
        }

        foreach (var (field, arguments) in fields)
        {
            if (arguments.TryGetValue("first", out var first) && first.Value is int size && (size < 0 || size > options.MaxPageSize))
            {
                Report(context, field, $"'first' on '{field.Name.StringValue}' is {size}; it must be between 0 and {options.MaxPageSize} (Cms:GraphQL:MaxPageSize).");
            }

            if (arguments.TryGetValue("skip", out var skip) && skip.Value is int offset && (offset < 0 || offset > options.MaxSkip))
            {
                Report(context, field, $"'skip' on '{field.Name.StringValue}' is {offset}; it must be between 0 and {options.MaxSkip} (Cms:GraphQL:MaxSkip).");
            }
        }

        return default;
    }

    private static void Report(ValidationContext context, GraphQLField field, string message) =>
        context.ReportError(new ValidationError(context.Document.Source, Code, message, field));
}
