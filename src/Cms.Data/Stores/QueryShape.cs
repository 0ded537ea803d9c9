using System.Globalization;
using System.Text;
using Cms.Core.Queries;

namespace Cms.Data.Stores;

/// <summary>
/// A <see cref="ContentQuery"/> split into its shape (a key: type, status, filters, operators, sorts, and which kind of
/// value each slot holds) and its values (the filter values, the offset and the page size), for
/// <see cref="CommandTemplates"/>. Null, empty and true/false values are part of the shape, since they change the SQL.
/// One walk does both directions (<see cref="With"/> rebuilds the query around other values), so the order of the slots
/// cannot differ between taking the values out and putting stand-ins in.
/// </summary>
internal sealed class QueryShape
{
    private readonly StringBuilder _key = new();
    private readonly List<object?> _values = [];
    private readonly Func<object?, int, object?> _replace;
    private bool _supported = true;

    private QueryShape(Func<object?, int, object?> replace) => _replace = replace;

    public string Key => _key.ToString();

    public object?[] Values => [.. _values];

    /// <summary>The shape and values of <paramref name="query"/>; null for a query this cache leaves to EF Core (full text).</summary>
    public static QueryShape? Of(ContentQuery query)
    {
        var shape = new QueryShape((value, _) => value);
        shape.Walk(query);
        return shape._supported ? shape : null;
    }

    /// <summary><paramref name="query"/> with the value of each slot replaced by <paramref name="values"/>.</summary>
    public static ContentQuery With(ContentQuery query, object?[] values) => new QueryShape((_, slot) => values[slot]).Walk(query);

    private ContentQuery Walk(ContentQuery query)
    {
        if (query.FullText is not null)
        {
            _supported = false;
        }

        Name("type", query.ContentType);
        Append("status", query.Status.ToString());
        var where = query.Where is { } filter ? Filter(filter) : null;
        Append("order", query.OrderBy.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var sort in query.OrderBy)
        {
            Append("sort", sort.Column?.ToString() ?? sort.FieldKind.ToString());
            Name("part", sort.PartName);
            Name("field", sort.FieldName);
            Name("action", sort.ScheduleAction);
            Name("schedule", sort.ScheduleStatus);
            Append("descending", sort.Descending ? "1" : "0");
        }

        var skip = (int)Slot(Math.Max(0, query.Skip))!;
        var take = (int)Slot(query.Take)!;
        return query with { Where = where, Skip = skip, Take = take };
    }

    private ContentFilter Filter(ContentFilter filter)
    {
        switch (filter)
        {
            case AndFilter and:
                Append("and", and.Filters.Count.ToString(CultureInfo.InvariantCulture));
                return new AndFilter([.. and.Filters.Select(Filter)]);
            case OrFilter or:
                Append("or", or.Filters.Count.ToString(CultureInfo.InvariantCulture));
                return new OrFilter([.. or.Filters.Select(Filter)]);
            case NotFilter not:
                Append("not", "");
                return new NotFilter(Filter(not.Filter));
            case ColumnFilter column:
                Append("column", column.Column.ToString());
                Append("op", column.Operator.ToString());
                return column with { Value = Value(column.Value) };
            case FieldFilter field:
                Append("field", field.Kind.ToString());
                Name("part", field.PartName);
                Name("name", field.FieldName);
                Append("op", field.Operator.ToString());
                return field with { Value = Value(field.Value) };
            case ScheduleFilter schedule:
                Name("action", schedule.Action);
                Name("schedule", schedule.Status);
                if (schedule.DueFromUtc is not null || schedule.DueBeforeUtc is not null)
                {
                    _supported = false;
                }

                return schedule;
            default:
                _supported = false;
                return filter;
        }
    }

    /// <summary>A filter value: null, empty text and true/false are shape; text, numbers and lists of text are slots; anything else is not cached.</summary>
    private object? Value(object? value)
    {
        switch (value)
        {
            case null:
                Append("value", "null");
                return null;
            case bool flag:
                Append("value", flag ? "true" : "false");
                return flag;
            case string { Length: 0 }:
                Append("value", "empty");
                return value;
            case string or int or long or double:
                return Slot(value);
            case IEnumerable<string> items when value is not string:
                var list = items.ToList();
                Append("list", list.Count.ToString(CultureInfo.InvariantCulture));
                return Slot(list);
            default:
                _supported = false;
                return value;
        }
    }

    private object? Slot(object value)
    {
        var slot = _values.Count;
        Append("slot", value.GetType().Name);
        _values.Add(value);
        return _replace(value, slot);
    }

    /// <summary>A name in the key, length first, so no name can pass for another piece of the key.</summary>
    private void Name(string what, string? name) =>
        Append(what, name is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"{name.Length}:{name}"));

    private void Append(string what, string text) => _key.Append(what).Append('=').Append(text).Append(';');
}
