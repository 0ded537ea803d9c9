using Cms.Core.Queries;

namespace Cms.Core.Fields;

/// <summary>
/// How a field kind's indexed values can be queried: the filter operators its index answers (negations come with
/// them) and whether it sorts. Front ends (GraphQL, the admin's filters) build their inputs from this, so a new kind
/// is filterable without any of them knowing its name.
/// </summary>
public sealed record FieldQuery(IReadOnlyList<FilterOperator> Operators, bool Sortable)
{
    /// <summary>Not queryable (HTML, links, media).</summary>
    public static readonly FieldQuery None = new([], false);

    /// <summary>Equality, lists, and case-insensitive contains / starts / ends; sortable.</summary>
    public static readonly FieldQuery Text = new(
        [FilterOperator.Equal, FilterOperator.In, FilterOperator.Contains, FilterOperator.StartsWith, FilterOperator.EndsWith], true);

    /// <summary>Equality, lists and ranges (numbers, dates); sortable.</summary>
    public static readonly FieldQuery Range = new(
        [FilterOperator.Equal, FilterOperator.In, FilterOperator.GreaterThan, FilterOperator.GreaterThanOrEqual, FilterOperator.LessThan, FilterOperator.LessThanOrEqual], true);

    /// <summary>Equality only; sortable.</summary>
    public static readonly FieldQuery Boolean = new([FilterOperator.Equal], true);

    /// <summary>References to other items: equal to / in a list of item ids; not sortable.</summary>
    public static readonly FieldQuery References = new([FilterOperator.Equal, FilterOperator.In], false);

    public bool Filterable => Operators.Count > 0;

    /// <summary>The same operators without sorting (a multi-valued field has no single value to sort by).</summary>
    public FieldQuery Unsorted() => this with { Sortable = false };
}
