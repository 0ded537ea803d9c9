using Cms.Core.Queries;

namespace Cms.GraphQL.Schema;

/// <summary>One key of a <c>{Type}WhereInput</c> and how it becomes a filter.</summary>
internal abstract record WhereKey
{
    /// <summary><c>displayText_contains: "grid"</c>: an operator on a column or field, negated for the <c>_not</c> forms.</summary>
    public sealed record Compare(FilterTarget Target, FilterOperator Operator, bool Negate) : WhereKey;

    /// <summary><c>section: { contentItemId: "sec-energy" }</c>: a picker's references.</summary>
    public sealed record Picker(string PartKey, string FieldKey) : WhereKey;

    /// <summary><c>autoroutePart: { path_starts_with: "news/" }</c>: keys of a part that is not collapsed.</summary>
    public sealed record Nested(IReadOnlyDictionary<string, WhereKey> Keys) : WhereKey;

    /// <summary><c>AND</c>, <c>OR</c>, <c>NOT</c>.</summary>
    public sealed record Combinator(string Name) : WhereKey;
}
