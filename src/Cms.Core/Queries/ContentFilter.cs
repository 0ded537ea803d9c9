using Cms.Core.Fields;

namespace Cms.Core.Queries;

/// <summary>A filter tree over the version table and the field index tables. Values are data, never SQL.</summary>
public abstract record ContentFilter;

public sealed record AndFilter(IReadOnlyList<ContentFilter> Filters) : ContentFilter;

public sealed record OrFilter(IReadOnlyList<ContentFilter> Filters) : ContentFilter;

public sealed record NotFilter(ContentFilter Filter) : ContentFilter;

/// <summary>A condition on a common column. <see cref="Value"/> is a list for <see cref="FilterOperator.In"/>.</summary>
public sealed record ColumnFilter(ContentColumn Column, FilterOperator Operator, object? Value) : ContentFilter;

/// <summary>
/// A condition on an indexed field: true when the version has an index row for the field that matches.
/// Text comparisons for contains / starts / ends are case-insensitive; equality is exact.
/// </summary>
public sealed record FieldFilter(FieldIndexKind Kind, string PartName, string FieldName, FilterOperator Operator, object? Value) : ContentFilter;
