using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Cms.Core.Content;
using Cms.Core.Fields;
using Cms.Core.Queries;
using Cms.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cms.Data.Stores;

/// <summary>
/// Turns a <see cref="ContentQuery"/> into LINQ over the version table, with EXISTS sub-queries on the field
/// index tables. Every value becomes a SQL parameter; names of columns and fields come from enums and the
/// content definitions, never from the request.
/// </summary>
internal sealed class ContentQueryTranslator(CmsDbContext db)
{
    private static readonly MethodInfo AnyMethod = typeof(Queryable).GetMethods()
        .Single(m => m.Name == nameof(Queryable.Any) && m.GetParameters().Length == 2);

    private static readonly MethodInfo ContainsMethod = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly MethodInfo StartsWithMethod = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
    private static readonly MethodInfo EndsWithMethod = typeof(string).GetMethod(nameof(string.EndsWith), [typeof(string)])!;
    private static readonly MethodInfo ToLowerMethod = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;

    private readonly ParameterExpression _document = Expression.Parameter(typeof(ContentItemRecord), "d");

    /// <summary>On PostgreSQL, the query's content type, repeated in every field index condition (see <see cref="FieldConditions"/>).</summary>
    private string? _contentType;

    public IQueryable<ContentItemRecord> Filter(ContentQuery query)
    {
        IQueryable<ContentItemRecord> source = db.ContentItems.AsNoTracking();
        _contentType = db.Database.IsNpgsql() ? query.ContentType : null;
        if (query.ContentType is { } type)
        {
            source = source.Where(r => r.ContentType == type);
        }

        // Flags are compared with parameters ("Published" = @yes), not used bare ("Published"): SQLite can only use
        // an index column for an equality term, and a bare column is not one. With the equality, the index on
        // (ContentType, Published, PublishedUtc) both finds the rows and gives their order, so "the newest 20"
        // stops after 20 matches instead of sorting every version of the type.
        var yes = true;
        var no = false;
        source = query.Status switch
        {
            ContentStatus.Published => source.Where(r => r.Published == yes),
            ContentStatus.Draft => source.Where(r => r.Latest == yes && r.Published == no),
            ContentStatus.Latest => source.Where(r => r.Latest == yes),
            _ => source,
        };

        if (query.Where is { } where)
        {
            source = source.Where(Expression.Lambda<Func<ContentItemRecord, bool>>(Build(where), _document));
        }

        return source;
    }

    /// <summary>
    /// The page of a query for the newest published items of a type that pick one item ("the 20 newest of this section"),
    /// or null for any other query. The page is cut from the picker index, whose rows carry their version's published flag
    /// and date: one range of its value index, read newest first and stopped at the page, then the page's rows by key.
    /// The general form (walk the type's newest items, ask each whether it picks the section) reads the whole type for a
    /// small section, and PostgreSQL chose instead to read every item of the section and sort them: either way the cost
    /// grew with the site, where this one stays at the page. The version's own type and flag are asked again on its row,
    /// so an index row out of step could drop an item from the page but never show one that is not published.
    /// </summary>
    public IQueryable<ContentItemRecord>? NewestPicking(ContentQuery query)
    {
        var where = query.Where is AndFilter { Filters: [var sole] } ? sole : query.Where;
        if (query is not { ContentType: { } type, Status: ContentStatus.Published, FullText: null, OrderBy: [{ Column: ContentColumn.PublishedUtc, Descending: true }] }
            || where is not FieldFilter { Kind: FieldIndexKind.ContentPicker, Operator: FilterOperator.Equal, Value: string value } picker)
        {
            return null;
        }

        var part = picker.PartName;
        var field = picker.FieldName;
        var yes = true;
        var skip = Math.Max(0, query.Skip);
        var take = query.Take;
        // The page of index rows joined to the versions, rather than "versions whose id is in the page": given the latter,
        // SQLite walked every published article newest first to test each against the page. (Within one expression tree the
        // offset and size are parameters; a separate IQueryable used inside the lambda had them written into its SQL.)
        var rows = db.ContentItems.AsNoTracking();
        return db.ContentPickerFieldIndex
            .Where(i => i.ContentType == type && i.PartName == part && i.FieldName == field && i.Value == value && i.Published == yes)
            .OrderByDescending(i => i.PublishedUtc)
            .ThenByDescending(i => i.DocumentId)
            .Select(i => i.DocumentId)
            .Skip(skip)
            .Take(take)
            .Join(rows, id => id, r => r.Id, (_, r) => r)
            .Where(r => r.ContentType == type && r.Published == yes)
            .OrderByDescending(r => r.PublishedUtc)
            .ThenByDescending(r => r.Id);
    }

    public IQueryable<ContentItemRecord> Order(IQueryable<ContentItemRecord> source, IReadOnlyList<ContentSort> sorts)
    {
        IOrderedQueryable<ContentItemRecord>? ordered = null;
        foreach (var sort in sorts)
        {
            var key = sort switch
            {
                { Column: { } column } => ColumnAccess(column),
                { ScheduleAction: { } action, ScheduleStatus: { } status } => ScheduleSortKey(action, status),
                _ => FieldSortKey(sort),
            };
            if (sort.ScheduleAction is not null)
            {
                // Items without a plan come last either way (SQLite and PostgreSQL disagree on where NULLs sort).
                var unplanned = Expression.Condition(Expression.Equal(key, Expression.Constant(null, key.Type)), Expression.Constant(1), Expression.Constant(0));
                ordered = ApplyOrder(source, ordered, unplanned, descending: false);
            }

            ordered = ApplyOrder(source, ordered, key, sort.Descending);
        }

        if (ordered is null)
        {
            ordered = source.OrderByDescending(r => r.CreatedUtc);
        }

        return ordered.ThenByDescending(r => r.Id);
    }

    private IOrderedQueryable<ContentItemRecord> ApplyOrder(IQueryable<ContentItemRecord> source, IOrderedQueryable<ContentItemRecord>? ordered, Expression key, bool descending)
    {
        var lambda = Expression.Lambda(key, _document);
        var method = (ordered is null, descending) switch
        {
            (true, false) => nameof(Queryable.OrderBy),
            (true, true) => nameof(Queryable.OrderByDescending),
            (false, false) => nameof(Queryable.ThenBy),
            (false, true) => nameof(Queryable.ThenByDescending),
        };
        var target = ordered ?? source;
        var call = Expression.Call(typeof(Queryable), method, [typeof(ContentItemRecord), key.Type], target.Expression, Expression.Quote(lambda));
        return (IOrderedQueryable<ContentItemRecord>)target.Provider.CreateQuery<ContentItemRecord>(call);
    }

    private MethodCallExpression FieldSortKey(ContentSort sort) => sort.FieldKind switch
    {
        FieldIndexKind.Text => FieldValueSubquery<TextFieldIndexRecord, string>(sort),
        FieldIndexKind.Numeric => FieldValueSubquery<NumericFieldIndexRecord, double?>(sort),
        FieldIndexKind.Boolean => FieldValueSubquery<BooleanFieldIndexRecord, bool?>(sort),
        FieldIndexKind.DateTime => FieldValueSubquery<DateTimeFieldIndexRecord, DateTime?>(sort),
        FieldIndexKind.ContentPicker => FieldValueSubquery<ContentPickerFieldIndexRecord, string>(sort),
        _ => throw new ContentValidationException("$.orderBy", "this field cannot be sorted on."),
    };

    /// <summary>(SELECT i.Value FROM index i WHERE i.DocumentId = d.Id AND field ORDER BY i.Value LIMIT 1)</summary>
    private MethodCallExpression FieldValueSubquery<TIndex, TValue>(ContentSort sort)
        where TIndex : FieldIndexRecord<TValue>
    {
        var partName = sort.PartName!;
        var fieldName = sort.FieldName!;
        var documentId = Expression.Property(_document, nameof(ContentItemRecord.Id));
        var rows = db.Set<TIndex>().AsQueryable();
        var i = Expression.Parameter(typeof(TIndex), "i");
        var match = Expression.Lambda<Func<TIndex, bool>>(
            Expression.AndAlso(
                Expression.Equal(Expression.Property(i, nameof(FieldIndexRecord.DocumentId)), documentId),
                FieldConditions(i, partName, fieldName)),
            i);
        var value = Expression.Lambda<Func<TIndex, TValue?>>(Expression.Property(i, "Value"), i);
        var where = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(TIndex)], rows.Expression, Expression.Quote(match));
        var orderBy = Expression.Call(typeof(Queryable), nameof(Queryable.OrderBy), [typeof(TIndex), typeof(TValue)], where, Expression.Quote(value));
        var select = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(TIndex), typeof(TValue)], orderBy, Expression.Quote(value));
        return Expression.Call(typeof(Queryable), nameof(Queryable.FirstOrDefault), [typeof(TValue)], select);
    }

    private Expression Build(ContentFilter filter) => filter switch
    {
        AndFilter and => and.Filters.Count == 0 ? Expression.Constant(true) : and.Filters.Select(Build).Aggregate(Expression.AndAlso),
        OrFilter or => or.Filters.Count == 0 ? Expression.Constant(false) : or.Filters.Select(Build).Aggregate(Expression.OrElse),
        NotFilter not => Expression.Not(Build(not.Filter)),
        ColumnFilter column => Compare(ColumnAccess(column.Column), column.Operator, column.Value, column.Column.ToString()),
        FieldFilter field => FieldExists(field),
        ScheduleFilter schedule => ScheduleExists(schedule),
        _ => throw new ArgumentOutOfRangeException(nameof(filter)),
    };

    /// <summary>EXISTS (SELECT 1 FROM ContentSchedules s WHERE s.ContentItemId = d.ContentItemId AND action, status and due range match)</summary>
    private Expression ScheduleExists(ScheduleFilter filter)
    {
        var action = filter.Action;
        var status = filter.Status;
        var from = filter.DueFromUtc;
        var before = filter.DueBeforeUtc;
        Expression<Func<ContentItemRecord, bool>> exists = from is null && before is null
            ? d => db.ContentSchedules.Any(s => s.ContentItemId == d.ContentItemId && s.Action == action && s.Status == status)
            : from is null
                ? d => db.ContentSchedules.Any(s => s.ContentItemId == d.ContentItemId && s.Action == action && s.Status == status && s.DueUtc < before)
                : before is null
                    ? d => db.ContentSchedules.Any(s => s.ContentItemId == d.ContentItemId && s.Action == action && s.Status == status && s.DueUtc >= from)
                    : d => db.ContentSchedules.Any(s => s.ContentItemId == d.ContentItemId && s.Action == action && s.Status == status && s.DueUtc >= from && s.DueUtc < before);
        return new ParameterSwap(exists.Parameters[0], _document).Visit(exists.Body);
    }

    /// <summary>(SELECT MIN(s.DueUtc) FROM ContentSchedules s WHERE s.ContentItemId = d.ContentItemId AND action and status match)</summary>
    private Expression ScheduleSortKey(string action, string status)
    {
        Expression<Func<ContentItemRecord, DateTime?>> due = d => db.ContentSchedules
            .Where(s => s.ContentItemId == d.ContentItemId && s.Action == action && s.Status == status)
            .Min(s => (DateTime?)s.DueUtc);
        return new ParameterSwap(due.Parameters[0], _document).Visit(due.Body);
    }

    private MemberExpression ColumnAccess(ContentColumn column) => Expression.Property(_document, column.ToString());

    private MethodCallExpression FieldExists(FieldFilter filter) => filter.Kind switch
    {
        FieldIndexKind.Text => FieldExists<TextFieldIndexRecord>(filter),
        FieldIndexKind.Numeric => FieldExists<NumericFieldIndexRecord>(filter),
        FieldIndexKind.Boolean => FieldExists<BooleanFieldIndexRecord>(filter),
        FieldIndexKind.DateTime => FieldExists<DateTimeFieldIndexRecord>(filter),
        FieldIndexKind.ContentPicker => FieldExists<ContentPickerFieldIndexRecord>(filter),
        _ => throw new ContentValidationException("$.where", $"the field '{filter.FieldName}' is not indexed and cannot be filtered on."),
    };

    /// <summary>EXISTS (SELECT 1 FROM index i WHERE i.DocumentId = d.Id AND field AND value matches)</summary>
    private MethodCallExpression FieldExists<TIndex>(FieldFilter filter)
        where TIndex : FieldIndexRecord
    {
        var i = Expression.Parameter(typeof(TIndex), "i");
        var body = Expression.AndAlso(
            Expression.Equal(Expression.Property(i, nameof(FieldIndexRecord.DocumentId)), Expression.Property(_document, nameof(ContentItemRecord.Id))),
            Expression.AndAlso(
                FieldConditions(i, filter.PartName, filter.FieldName),
                Compare(Expression.Property(i, "Value"), filter.Operator, filter.Value, filter.FieldName)));
        var rows = db.Set<TIndex>().AsQueryable();
        return Expression.Call(AnyMethod.MakeGenericMethod(typeof(TIndex)), rows.Expression, Expression.Quote(Expression.Lambda(body, i)));
    }

    /// <summary>
    /// i.PartName = @part AND i.FieldName = @field, led by i.ContentType = @type on PostgreSQL when the query names its
    /// type. The type is redundant for the result (an index row has its document's type) but not for the plan: the value
    /// index is (ContentType, PartName, FieldName, Value), and PostgreSQL can only seek it, e.g. to "the articles of this
    /// section", with all four columns constrained; without the type it scanned both tables. SQLite runs the sub-query
    /// once per article it walks newest-first, where the (DocumentId, PartName, FieldName) index is the right probe; with
    /// the type there, SQLite without statistics prefers the value index and reads the whole section for every article
    /// (measured: 239 ms instead of 2 ms for a section front of 2,000 articles), so it does not get the type.
    /// </summary>
    private BinaryExpression FieldConditions(ParameterExpression i, string partName, string fieldName)
    {
        var fields = Expression.AndAlso(
            Expression.Equal(Expression.Property(i, nameof(FieldIndexRecord.PartName)), Parameter(partName)),
            Expression.Equal(Expression.Property(i, nameof(FieldIndexRecord.FieldName)), Parameter(fieldName)));
        return _contentType is { } type
            ? Expression.AndAlso(Expression.Equal(Expression.Property(i, nameof(FieldIndexRecord.ContentType)), Parameter(type)), fields)
            : fields;
    }

    private static Expression Compare(Expression member, FilterOperator op, object? value, string name)
    {
        var type = member.Type;
        if (op == FilterOperator.In)
        {
            var values = (value as System.Collections.IEnumerable ?? Array.Empty<object>())
                .Cast<object?>().Select(v => Convert(v, type, name)).ToList();
            var list = typeof(List<>).MakeGenericType(type);
            var typed = (System.Collections.IList)Activator.CreateInstance(list)!;
            foreach (var v in values)
            {
                typed.Add(v);
            }

            var contains = typeof(Enumerable).GetMethods()
                .Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2)
                .MakeGenericMethod(type);
            return Expression.Call(contains, ParameterOfType(typed, list), member);
        }

        var operand = ParameterOfType(Convert(value, type, name), type);
        switch (op)
        {
            case FilterOperator.Equal:
                return Expression.Equal(member, operand);
            case FilterOperator.Contains or FilterOperator.StartsWith or FilterOperator.EndsWith:
                if (type != typeof(string))
                {
                    throw new ContentValidationException("$.where", $"'{name}' is not text, so it cannot be matched with contains / starts with / ends with.");
                }

                var lowered = ParameterOfType((value as string ?? System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? "").ToLowerInvariant(), typeof(string));
                var method = op switch
                {
                    FilterOperator.Contains => ContainsMethod,
                    FilterOperator.StartsWith => StartsWithMethod,
                    _ => EndsWithMethod,
                };
                return Expression.AndAlso(
                    Expression.NotEqual(member, Expression.Constant(null, typeof(string))),
                    Expression.Call(Expression.Call(member, ToLowerMethod), method, lowered));
            default:
                if (type == typeof(string) || type == typeof(bool?) || type == typeof(bool))
                {
                    throw new ContentValidationException("$.where", $"'{name}' cannot be compared with greater / less than.");
                }

                return op switch
                {
                    FilterOperator.GreaterThan => Expression.GreaterThan(member, operand),
                    FilterOperator.GreaterThanOrEqual => Expression.GreaterThanOrEqual(member, operand),
                    FilterOperator.LessThan => Expression.LessThan(member, operand),
                    _ => Expression.LessThanOrEqual(member, operand),
                };
        }
    }

    private static object? Convert(object? value, Type type, string name)
    {
        if (value is null)
        {
            return null;
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        try
        {
            if (target == typeof(DateTime))
            {
                var date = value switch
                {
                    DateTime d => d,
                    DateTimeOffset o => o.UtcDateTime,
                    string s => DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                    _ => throw new FormatException(),
                };
                return DateTime.SpecifyKind(date.Kind == DateTimeKind.Local ? date.ToUniversalTime() : date, DateTimeKind.Utc);
            }

            if (target == typeof(string))
            {
                return value as string ?? System.Convert.ToString(value, CultureInfo.InvariantCulture);
            }

            return System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException)
        {
            throw new ContentValidationException("$.where", $"'{value}' is not a valid value for '{name}'.");
        }
    }

    private static MemberExpression Parameter(string value) => ParameterOfType(value, typeof(string));

    /// <summary>A member access on a closure object: EF Core turns it into a SQL parameter.</summary>
    private static MemberExpression ParameterOfType(object? value, Type type)
    {
        var holderType = typeof(ValueHolder<>).MakeGenericType(type);
        var holder = Activator.CreateInstance(holderType, value);
        return Expression.Property(Expression.Constant(holder), nameof(ValueHolder<object>.Value));
    }

    /// <summary>Puts the translator's row parameter in place of a written lambda's own.</summary>
    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    private sealed class ValueHolder<T>(T value)
    {
        public T Value { get; } = value;
    }
}
