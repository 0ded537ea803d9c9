using Cms.Core.Queries;

namespace Cms.GraphQL.Schema.Fields;

/// <summary>
/// Orchard Core's where-key suffixes for each operator, in the order the input types list them: equality and
/// lists with their negations (<c>_not</c>, <c>_not_in</c>), text matches with theirs, ranges without.
/// </summary>
internal static class FilterSuffixes
{
    private static readonly Dictionary<FilterOperator, (string Suffix, bool Negate)[]> Table = new()
    {
        [FilterOperator.Equal] = [("", false), ("_not", true)],
        [FilterOperator.In] = [("_in", false), ("_not_in", true)],
        [FilterOperator.Contains] = [("_contains", false), ("_not_contains", true)],
        [FilterOperator.StartsWith] = [("_starts_with", false), ("_not_starts_with", true)],
        [FilterOperator.EndsWith] = [("_ends_with", false), ("_not_ends_with", true)],
        [FilterOperator.GreaterThan] = [("_gt", false)],
        [FilterOperator.GreaterThanOrEqual] = [("_gte", false)],
        [FilterOperator.LessThan] = [("_lt", false)],
        [FilterOperator.LessThanOrEqual] = [("_lte", false)],
    };

    /// <summary>The where keys of a set of operators: suffix, operator, negation.</summary>
    public static (string Suffix, FilterOperator Operator, bool Negate)[] For(IEnumerable<FilterOperator> operators) =>
        [.. operators.OrderBy(o => o).SelectMany(o => Table[o].Select(s => (s.Suffix, o, s.Negate)))];
}
