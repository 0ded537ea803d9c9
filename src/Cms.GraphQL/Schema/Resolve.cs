using GraphQL;
using GraphQL.Resolvers;

namespace Cms.GraphQL.Schema;

/// <summary>Short ways to make field resolvers for the generated types.</summary>
internal static class Resolve
{
    public static IFieldResolver Sync(Func<IResolveFieldContext, object?> resolve) => new FuncFieldResolver<object?>(resolve);

    public static IFieldResolver Async(Func<IResolveFieldContext, Task<object?>> resolve) =>
        new FuncFieldResolver<object?>(context => new ValueTask<object?>(resolve(context)));

    public static IFieldResolver Part(Func<PartSource, object?> resolve) => new FuncFieldResolver<object?>(context => resolve((PartSource)context.Source!));

    public static IFieldResolver Field(Func<FieldSource, object?> resolve) => new FuncFieldResolver<object?>(context => resolve((FieldSource)context.Source!));

    public static object? Argument(IResolveFieldContext context, string name) =>
        context.Arguments is { } arguments && arguments.TryGetValue(name, out var value) ? value.Value : null;
}
