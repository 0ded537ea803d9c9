using Cms.Core.Fields;

namespace Cms.Core.Queries;

/// <summary>One sort key: a common column, or an indexed field's value.</summary>
public sealed record ContentSort
{
    public ContentColumn? Column { get; init; }
    public FieldIndexKind FieldKind { get; init; }
    public string? PartName { get; init; }
    public string? FieldName { get; init; }
    public bool Descending { get; init; }

    public static ContentSort By(ContentColumn column, bool descending = false) => new() { Column = column, Descending = descending };

    public static ContentSort ByField(FieldIndexKind kind, string partName, string fieldName, bool descending = false) =>
        new() { FieldKind = kind, PartName = partName, FieldName = fieldName, Descending = descending };
}
