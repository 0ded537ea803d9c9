using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Cms.Data.Stores;

/// <summary>
/// The SQL EF Core writes for a query shape, kept so that a repeated read binds its values without translating the query
/// again. For the article by path and the section front, building the LINQ tree, EF Core's parameter extraction and its
/// compiled-query lookup cost more CPU than SQLite took to run the statement (about a fifth of the request).
/// <para>
/// A template is made by EF Core itself, twice, from two sets of stand-in values (see <see cref="Create"/>), and kept only
/// if EF Core wrote the same SQL both times and every parameter is either the same in both (a constant of the shape) or
/// exactly a stand-in (a value of the request). Anything EF Core or the translator derives from a value — a lowered
/// pattern, a converted date, a value written into the SQL, a list expanded into one parameter per item — differs
/// between the two runs without being a stand-in, so that shape is not cached and keeps going through EF Core. The
/// translator's checks still run for every shape: a value that fails them fails while the template is made, and the
/// shape is then never cached.
/// </para>
/// </summary>
public sealed class CommandTemplates
{
    /// <summary>Shapes remembered, cached or not; past this, new shapes go through EF Core (no eviction to get wrong).</summary>
    internal const int Capacity = 512;

    private readonly ConcurrentDictionary<string, CommandTemplate?> _templates = new(StringComparer.Ordinal);
    private int _made;

    /// <summary>Templates made so far, kept or refused (for tests: a repeated shape makes none).</summary>
    internal int Made => Volatile.Read(ref _made);

    /// <summary>The key of a page of <see cref="Core.Queries.ContentQuery"/> results in the shape of <paramref name="shape"/>.</summary>
    internal static string PageKey(QueryShape shape) => "page:" + shape.Key;

    /// <summary>Whether pages of queries shaped like <paramref name="query"/> read with a template (for tests).</summary>
    internal bool Caches(Core.Queries.ContentQuery query) =>
        QueryShape.Of(query) is { } shape && _templates.TryGetValue(PageKey(shape), out var template) && template is not null;

    /// <summary>
    /// A command for <paramref name="values"/> in the shape <paramref name="key"/>, or null when the shape cannot be
    /// cached. <paramref name="build"/> gives EF Core's query for a set of values (slot by slot, as in
    /// <paramref name="values"/>); it is called only the first time a shape is seen.
    /// </summary>
    public DbCommand? Command(CmsDbContext db, string key, object?[] values, Func<object?[], IQueryable> build)
    {
        if (!_templates.TryGetValue(key, out var template))
        {
            if (_templates.Count >= Capacity)
            {
                return null;
            }

            Interlocked.Increment(ref _made);
            template = CommandTemplate.Create(values, build);
            _templates.TryAdd(key, template);
        }

        return template?.Bind(db, values);
    }
}

/// <summary>One shape's SQL and how each of its parameters gets its value (see <see cref="CommandTemplates"/>).</summary>
internal sealed class CommandTemplate
{
    private readonly string _sql;
    private readonly ParameterTemplate[] _parameters;

    private CommandTemplate(string sql, ParameterTemplate[] parameters)
    {
        _sql = sql;
        _parameters = parameters;
    }

    /// <summary>How a parameter is filled: with a constant of the shape, or with a slot's value as is, as an array, or as JSON text.</summary>
    private enum Binding
    {
        Constant,
        Value,
        Array,
        Json,
    }

    private sealed record ParameterTemplate(DbParameter Prototype, Binding Binding, int Slot, object? Constant, int? Size);

    /// <summary>
    /// Makes a template for the shape of <paramref name="values"/>, or returns null when the shape cannot be cached: a slot
    /// of a kind with no stand-in (see <see cref="StandIn"/>), a query EF Core or the translator refuses, or parameters
    /// that are not plainly the slots' values.
    /// </summary>
    public static CommandTemplate? Create(object?[] values, Func<object?[], IQueryable> build)
    {
        var first = new object?[values.Length];
        var second = new object?[values.Length];
        for (var slot = 0; slot < values.Length; slot++)
        {
            if (StandIn(values[slot], slot, 0) is not { } a || StandIn(values[slot], slot, 1) is not { } b)
            {
                return null;
            }

            first[slot] = a;
            second[slot] = b;
        }

        DbCommand? one = null;
        DbCommand two;
        try
        {
            one = build(first).CreateDbCommand();
            two = build(second).CreateDbCommand();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            one?.Dispose();

            // The stand-ins are not values this shape accepts (text for a date field, say) or EF Core cannot translate the
            // shape: not cached; the request's own values meet the same check, or the same error, on EF Core's path.
            return null;
        }

        using (one)
        using (two)
        {
            if (!string.Equals(one.CommandText, two.CommandText, StringComparison.Ordinal) || one.Parameters.Count != two.Parameters.Count)
            {
                return null;
            }

            var parameters = new ParameterTemplate[one.Parameters.Count];
            for (var i = 0; i < parameters.Length; i++)
            {
                var (p, q) = (one.Parameters[i], two.Parameters[i]);
                if (p.ParameterName != q.ParameterName || p.DbType != q.DbType || p.Direction != System.Data.ParameterDirection.Input || !CanCopy(p))
                {
                    return null;
                }

                // A size set by EF Core (a column's length) is the same in both runs and is kept; Microsoft.Data.Sqlite
                // reports the length of the value when none was set, which differs (the stand-ins differ in length), and
                // must not be copied: it would cut a longer value short.
                int? size = p.Size == q.Size ? p.Size : null;
                if (size is null && (p.Size != Length(p.Value) || q.Size != Length(q.Value)))
                {
                    return null;
                }

                if (Bound(p.Value, q.Value, first, second) is { } bound)
                {
                    parameters[i] = new ParameterTemplate(p, bound.Binding, bound.Slot, null, size);
                }
                else if (Equals(p.Value, q.Value))
                {
                    parameters[i] = new ParameterTemplate(p, Binding.Constant, -1, p.Value, size);
                }
                else
                {
                    return null;
                }
            }

            return new CommandTemplate(one.CommandText, parameters);
        }
    }

    /// <summary>A command of this shape with <paramref name="values"/>, for <paramref name="db"/>'s connection.</summary>
    public DbCommand Bind(CmsDbContext db, object?[] values)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = _sql;
        if (db.Database.GetCommandTimeout() is { } timeout)
        {
            command.CommandTimeout = timeout;
        }

        foreach (var parameter in _parameters)
        {
            var value = parameter.Binding switch
            {
                Binding.Constant => parameter.Constant,
                Binding.Value => values[parameter.Slot],
                Binding.Array => ((IEnumerable<string>)values[parameter.Slot]!).ToArray(),
                _ => JsonSerializer.Serialize((IEnumerable<string>)values[parameter.Slot]!),
            };
            command.Parameters.Add(Copy(parameter.Prototype, value ?? DBNull.Value, parameter.Size));
        }

        return command;
    }

    /// <summary>
    /// Stand-ins for a value, different in each run (<paramref name="run"/> 0 or 1) and from every other slot's, that no
    /// transformation leaves equal: text in mixed case with spaces and of a different length in each run, numbers far from
    /// the other run's. Null for a kind of value with no stand-in (the shape is not cached).
    /// </summary>
    private static object? StandIn(object? value, int slot, int run) => value switch
    {
        string => Text(slot, run, 0),
        int => 1_000_003 + (run * 7_919) + (slot * 101),
        long => 4_000_000_007L + (run * 7_919) + (slot * 101),
        double => 1_234.5 + (run * 7_919.25) + (slot * 101),
        IReadOnlyList<string> => Enumerable.Range(0, 2 + run).Select(item => Text(slot, run, item + 1)).ToList(),
        _ => null,
    };

    private static string Text(int slot, int run, int item) => $" Cms{(run == 0 ? "A" : "Bb")}{slot}x{item}Q ";

    private static (Binding Binding, int Slot)? Bound(object? one, object? two, object?[] first, object?[] second)
    {
        for (var slot = 0; slot < first.Length; slot++)
        {
            if (first[slot] is List<string> a && second[slot] is List<string> b)
            {
                if (one is string[] x && two is string[] y && x.SequenceEqual(a) && y.SequenceEqual(b))
                {
                    return (Binding.Array, slot);
                }

                if (one is List<string> u && two is List<string> v && u.SequenceEqual(a) && v.SequenceEqual(b))
                {
                    return (Binding.Value, slot);
                }

                if (one is string j && two is string k && SameJson(j, a) && SameJson(k, b))
                {
                    return (Binding.Json, slot);
                }
            }
            else if (one is not null && Equals(one, first[slot]) && Equals(two, second[slot]) && one.GetType() == first[slot]!.GetType())
            {
                return (Binding.Value, slot);
            }
        }

        return null;
    }

    private static bool SameJson(string json, List<string> list)
    {
        try
        {
            return JsonSerializer.Deserialize<List<string>>(json) is { } read && read.SequenceEqual(list);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool CanCopy(DbParameter parameter) => parameter is SqliteParameter or ICloneable;

    /// <summary>A parameter like <paramref name="prototype"/> (name, provider type, size when one was set) with <paramref name="value"/>.</summary>
    private static DbParameter Copy(DbParameter prototype, object value, int? size)
    {
        DbParameter copy = prototype is SqliteParameter sqlite
            ? new SqliteParameter { ParameterName = sqlite.ParameterName, DbType = sqlite.DbType, SqliteType = sqlite.SqliteType, IsNullable = sqlite.IsNullable }
            : (DbParameter)((ICloneable)prototype).Clone();
        copy.Value = value;
        if (size is { } set)
        {
            copy.Size = set;
        }

        return copy;
    }

    private static int Length(object? value) => value switch
    {
        string text => text.Length,
        byte[] bytes => bytes.Length,
        _ => 0,
    };
}
