using Cms.Core.Fields;

namespace Cms.Core.Queries;

/// <summary>One sort key: a common column, an indexed field's value, or the earliest due time of the item's planned publishes (<see cref="ScheduleAction"/>).</summary>
public sealed record ContentSort
{
    public ContentColumn? Column { get; init; }
    public FieldIndexKind FieldKind { get; init; }
    public string? PartName { get; init; }
    public string? FieldName { get; init; }
    public bool Descending { get; init; }

    /// <summary>With <see cref="ScheduleStatus"/>: sort by the earliest due time of the item's schedules with this action and status.</summary>
    public string? ScheduleAction { get; init; }

    public string? ScheduleStatus { get; init; }

    public static ContentSort By(ContentColumn column, bool descending = false) => new() { Column = column, Descending = descending };

    public static ContentSort ByField(FieldIndexKind kind, string partName, string fieldName, bool descending = false) =>
        new() { FieldKind = kind, PartName = partName, FieldName = fieldName, Descending = descending };

    public static ContentSort BySchedule(string action, string status, bool descending = false) =>
        new() { ScheduleAction = action, ScheduleStatus = status, Descending = descending };
}
