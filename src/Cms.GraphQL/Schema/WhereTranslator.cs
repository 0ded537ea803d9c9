using System.Collections;
using Cms.Core.Fields;
using Cms.Core.Queries;

namespace Cms.GraphQL.Schema;

/// <summary>
/// Turns a parsed <c>where</c> argument into a <see cref="ContentFilter"/>. Only keys of the generated input
/// types reach here, so every column and field name comes from the content definitions, never from the request.
/// </summary>
internal static class WhereTranslator
{
    public static ContentFilter? Translate(object? input, IReadOnlyDictionary<string, WhereKey> keys)
    {
        if (input is not IDictionary<string, object?> values)
        {
            return null;
        }

        var filters = new List<ContentFilter>();
        foreach (var (name, value) in values)
        {
            if (!keys.TryGetValue(name, out var key))
            {
                continue;
            }

            if (Translate(key, value, keys) is { } filter)
            {
                filters.Add(filter);
            }
        }

        return filters.Count switch
        {
            0 => null,
            1 => filters[0],
            _ => new AndFilter(filters),
        };
    }

    private static ContentFilter? Translate(WhereKey key, object? value, IReadOnlyDictionary<string, WhereKey> keys) => key switch
    {
        WhereKey.Compare compare => Compare(compare, value),
        WhereKey.Picker picker => Picker(picker, value),
        WhereKey.Nested nested => Translate(value, nested.Keys),
        WhereKey.Combinator combinator => Combine(combinator.Name, value, keys),
        _ => null,
    };

    private static ContentFilter Compare(WhereKey.Compare key, object? value)
    {
        var operand = key.Operator == FilterOperator.In ? List(value) : Scalar(value);
        var filter = key.Target.Filter(key.Operator, operand);
        return key.Negate ? new NotFilter(filter) : filter;
    }

    private static AndFilter? Picker(WhereKey.Picker key, object? value)
    {
        if (value is not IDictionary<string, object?> values)
        {
            return null;
        }

        var target = FilterTarget.For(FieldIndexKind.ContentPicker, key.PartKey, key.FieldKey);
        var filters = new List<ContentFilter>();
        foreach (var (name, operand) in values)
        {
            switch (name)
            {
                case "contentItemId":
                    filters.Add(target.Filter(FilterOperator.Equal, operand));
                    break;
                case "contentItemId_not":
                    filters.Add(new NotFilter(target.Filter(FilterOperator.Equal, operand)));
                    break;
                case "contentItemId_in":
                    filters.Add(target.Filter(FilterOperator.In, List(operand)));
                    break;
                case "contentItemId_not_in":
                    filters.Add(new NotFilter(target.Filter(FilterOperator.In, List(operand))));
                    break;
                case "contentItemId_all":
                    filters.AddRange(List(operand).Select(id => target.Filter(FilterOperator.Equal, id)));
                    break;
            }
        }

        return filters.Count == 0 ? null : new AndFilter(filters);
    }

    /// <summary>AND: all of the listed conditions; OR: any of them; NOT: none of them.</summary>
    private static ContentFilter? Combine(string name, object? value, IReadOnlyDictionary<string, WhereKey> keys)
    {
        var parts = (value is IDictionary<string, object?> single ? new object?[] { single } : value as IEnumerable ?? Array.Empty<object>())
            .Cast<object?>()
            .Select(v => Translate(v, keys))
            .OfType<ContentFilter>()
            .ToList();
        if (parts.Count == 0)
        {
            return null;
        }

        return name switch
        {
            "AND" => new AndFilter(parts),
            "OR" => new OrFilter(parts),
            _ => new NotFilter(new OrFilter(parts)),
        };
    }

    private static object? Scalar(object? value) => value switch
    {
        decimal d => (double)d,
        int i => (double)i,
        long l => (double)l,
        DateTimeOffset o => o.UtcDateTime,
        _ => value,
    };

    private static List<object?> List(object? value) =>
        value is IEnumerable list and not string ? list.Cast<object?>().Select(Scalar).ToList() : [Scalar(value)];
}
