using Cms.Core.Fields;
using Cms.Core.Queries;

namespace Cms.GraphQL.Schema;

/// <summary>What a <c>where</c> or <c>orderBy</c> key refers to: a common column or an indexed field of a part.</summary>
internal sealed record FilterTarget(ContentColumn? Column, FieldIndexKind Kind, string? PartKey, string? FieldKey)
{
    public static FilterTarget For(ContentColumn column) => new(column, FieldIndexKind.None, null, null);

    public static FilterTarget For(FieldIndexKind kind, string partKey, string fieldKey) => new(null, kind, partKey, fieldKey);

    public ContentFilter Filter(FilterOperator op, object? value) =>
        Column is { } column ? new ColumnFilter(column, op, value) : new FieldFilter(Kind, PartKey!, FieldKey!, op, value);

    public ContentSort Sort(bool descending) =>
        Column is { } column ? ContentSort.By(column, descending) : ContentSort.ByField(Kind, PartKey!, FieldKey!, descending);
}
