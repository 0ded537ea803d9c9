using System.Data.Common;
using System.Globalization;
using System.Linq.Expressions;
using Cms.Data.Entities;
using Cms.Data.SharedState;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SQLitePCL;

namespace Cms.Data.Stores;

/// <summary>
/// New rows saved while saves are deferred (<see cref="Core.Storage.IUnitOfWork.DeferSaves"/>): content versions with
/// their index rows, and audit entries. They are written at the next flush with one prepared INSERT per table, reused for
/// every row, instead of through the change tracker, whose bookkeeping per entity cost more than the statements (about
/// three quarters of an import's time went into tracking and batching rows that are never read again). The statements are
/// built from the EF model (table and column names, each property's type mapping and converter), so a row is stored
/// exactly as EF would store it (on SQLite the statement is the connection's own, its values bound by position: see
/// <see cref="SqliteInsert"/>); the rows are never tracked, so a long import holds nothing per written item.
/// Search rows (<see cref="ContentSearchRecord"/>) of items the session does not track are held here too: at the write,
/// one query finds which of them the database has already (those are updated through the change tracker), and the others
/// are inserted like the versions.
/// </summary>
internal sealed class DeferredRows(CmsDbContext db, SharedStateChangeInterceptor stamp) : IDisposable
{
    private readonly List<ContentItemRecord> _versions = [];
    private readonly List<(ContentItemRecord Version, Action<long> Use)> _links = [];
    private readonly List<AuditEventRecord> _audit = [];
    private readonly Dictionary<string, (ContentSearchRecord Row, ContentItemRecord? Version)> _search = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ContentItemRecord> _unwrittenVersions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _writtenVersionIds = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, Insert> _inserts = [];

    public bool Any => _versions.Count > 0 || _audit.Count > 0 || _search.Count > 0;

    public void Add(ContentItemRecord version)
    {
        _versions.Add(version);
        _unwrittenVersions[version.ContentItemVersionId] = version;
    }

    public void Add(AuditEventRecord entry) => _audit.Add(entry);

    /// <summary>A version added since the last write, so still only in memory.</summary>
    public ContentItemRecord? FindUnwritten(string contentItemVersionId) => _unwrittenVersions.GetValueOrDefault(contentItemVersionId);

    /// <summary>The search row held for an item, if any.</summary>
    public ContentSearchRecord? FindSearch(string contentItemId) => _search.TryGetValue(contentItemId, out var held) ? held.Row : null;

    /// <summary>Holds an item's search row (replacing one held before); <paramref name="version"/>, when given, is the unwritten version whose id it takes.</summary>
    public void AddSearch(ContentSearchRecord row, ContentItemRecord? version) => _search[row.ContentItemId] = (row, version);

    /// <summary>Drops the search row held for an item (it is removed, or goes through the change tracker instead).</summary>
    public void RemoveSearch(string contentItemId) => _search.Remove(contentItemId);

    /// <summary>Whether this session wrote the version here (so it is in the database but not tracked).</summary>
    public bool Wrote(string contentItemVersionId) => _writtenVersionIds.Contains(contentItemVersionId);

    /// <summary>
    /// Runs <paramref name="use"/> with the id of an unwritten <paramref name="version"/> once it is written, before the
    /// change tracker saves: for a tracked row that points at it (a search row), which EF cannot link itself.
    /// </summary>
    public void WhenWritten(ContentItemRecord version, Action<long> use) => _links.Add((version, use));

    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        if (!Any)
        {
            return;
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Deferred rows are written inside the transaction that deferred them.");
        var published = false;
        foreach (var version in _versions)
        {
            version.Id = await InsertFor<ContentItemRecord>(transaction).ExecuteAsync(version, cancellationToken);
            await WriteIndexAsync(version.Id, version.TextFields, transaction, cancellationToken);
            await WriteIndexAsync(version.Id, version.NumericFields, transaction, cancellationToken);
            await WriteIndexAsync(version.Id, version.BooleanFields, transaction, cancellationToken);
            await WriteIndexAsync(version.Id, version.DateTimeFields, transaction, cancellationToken);
            await WriteIndexAsync(version.Id, version.ContentPickerFields, transaction, cancellationToken);
            _writtenVersionIds.Add(version.ContentItemVersionId);
            published |= version.Published;
        }

        foreach (var (version, use) in _links)
        {
            use(version.Id);
        }

        foreach (var entry in _audit)
        {
            entry.Id = await InsertFor<AuditEventRecord>(transaction).ExecuteAsync(entry, cancellationToken);
        }

        await WriteSearchAsync(transaction, cancellationToken);
        _versions.Clear();
        _unwrittenVersions.Clear();
        _audit.Clear();
        _links.Clear();
        if (published)
        {
            // What the change tracker would have noticed: published content changed (caches of every process follow).
            await stamp.WrittenAsync(db, "published content", cancellationToken);
        }
    }

    /// <summary>Drops rows not written yet (the transaction rolled back).</summary>
    public void Clear()
    {
        _links.Clear();
        _search.Clear();
        _unwrittenVersions.Clear();
        _versions.Clear();
        _audit.Clear();
        _writtenVersionIds.Clear();
    }

    /// <summary>Forgets which versions were written here (<see cref="EfUnitOfWork.ForgetSavedContent"/>).</summary>
    public void ForgetWritten() => _writtenVersionIds.Clear();

    public void Dispose()
    {
        foreach (var insert in _inserts.Values)
        {
            insert.Dispose();
        }

        _inserts.Clear();
    }

    /// <summary>
    /// The held search rows: one query for those the database has (updated by the change tracker's save that follows),
    /// and one insert of all the others (on SQLite fifty rows to a statement). Triggers keep the full-text index.
    /// </summary>
    private async Task WriteSearchAsync(DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (_search.Count == 0)
        {
            return;
        }

        var existing = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var chunk in _search.Keys.Chunk(500))
        {
            foreach (var found in await db.ContentSearch.AsNoTracking().Where(r => chunk.Contains(r.ContentItemId)).Select(r => new { r.ContentItemId, r.Id }).ToListAsync(cancellationToken))
            {
                existing[found.ContentItemId] = found.Id;
            }
        }

        var inserts = new List<object>(_search.Count);
        foreach (var (row, version) in _search.Values)
        {
            if (version is not null)
            {
                row.DocumentId = version.Id;
            }

            if (existing.TryGetValue(row.ContentItemId, out var id))
            {
                row.Id = id;
                db.ContentSearch.Update(row);
            }
            else
            {
                inserts.Add(row);
            }
        }

        await InsertFor<ContentSearchRecord>(transaction, returning: false).ExecuteAllAsync(inserts, cancellationToken);

        _search.Clear();
    }

    private async Task WriteIndexAsync<T>(long documentId, List<T> rows, DbTransaction transaction, CancellationToken cancellationToken)
        where T : FieldIndexRecord
    {
        // Nothing reads an index row's id back (a version this session wrote is loaded again whole when it changes).
        foreach (var row in rows)
        {
            row.DocumentId = documentId;
            await InsertFor<T>(transaction, returning: false).ExecuteAsync(row, cancellationToken);
        }
    }

    private Insert InsertFor<T>(DbTransaction transaction, bool returning = true)
    {
        if (!_inserts.TryGetValue(typeof(T), out var insert) || insert.Transaction != transaction)
        {
            insert?.Dispose();
            insert = Insert.Create(db, typeof(T), transaction, returning);
            _inserts[typeof(T)] = insert;
        }

        return insert;
    }

    /// <summary>
    /// One prepared <c>INSERT</c> of an entity type's columns (all but the generated key), built from the EF model: table
    /// and column names, and each property's value as the column stores it (its converter applied). On SQLite the
    /// statement is driven through the connection's own handle with its values bound by position (<see cref="SqliteInsert"/>);
    /// elsewhere it is a prepared command (<see cref="CommandInsert"/>).
    /// </summary>
    internal abstract class Insert : IDisposable
    {
        protected Insert(DbTransaction transaction, Column[] columns)
        {
            Transaction = transaction;
            Columns = columns;
        }

        public DbTransaction Transaction { get; }

        protected Column[] Columns { get; }

        /// <summary>Inserts the row; returns its generated key when the insert was made with <c>returning</c>, otherwise 0.</summary>
        public abstract Task<long> ExecuteAsync(object row, CancellationToken cancellationToken);

        /// <summary>Inserts the rows, in order (several in one statement where that is cheaper); their keys are not read back.</summary>
        public virtual async Task ExecuteAllAsync(IReadOnlyList<object> rows, CancellationToken cancellationToken)
        {
            foreach (var row in rows)
            {
                await ExecuteAsync(row, cancellationToken);
            }
        }

        public abstract void Dispose();

        public static Insert Create(CmsDbContext db, Type clrType, DbTransaction transaction, bool returning)
        {
            var entity = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not in the model.");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var key = entity.FindPrimaryKey()!.Properties.Single();
            var sql = db.GetService<ISqlGenerationHelper>();
            var columns = new List<Column>();
            var names = new List<string>();
            var placeholders = new List<string>();
            foreach (var property in entity.GetProperties().Where(p => !p.IsPrimaryKey()))
            {
                var name = "p" + columns.Count;
                columns.Add(Column.Of(clrType, property, sql.GenerateParameterName(name)));
                names.Add(sql.DelimitIdentifier(property.GetColumnName(table)!));
                placeholders.Add(sql.GenerateParameterNamePlaceholder(name));
            }

            var into = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", names)}) VALUES ";
            if (transaction.Connection is SqliteConnection sqlite && columns.All(c => SqliteInsert.Binds(c.ProviderType)))
            {
                // The key of a SQLite row is its rowid, which the connection reports after the insert.
                return new SqliteInsert(sqlite, transaction, [.. columns], into, returning);
            }

            var text = into + $"({string.Join(", ", placeholders)})";
            var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = text + (returning ? $" RETURNING {sql.DelimitIdentifier(key.GetColumnName(table)!)}" : "");
            return new CommandInsert(command, transaction, [.. columns], returning);
        }
    }

    /// <summary>A column of an insert: how to read its stored value from a row (the property's converter applied), and its type mapping.</summary>
    internal sealed record Column(string Parameter, Func<object, object?> Value, RelationalTypeMapping Mapping, bool IsNullable, Type ProviderType)
    {
        public static Column Of(Type clrType, IProperty property, string parameter)
        {
            var info = property.PropertyInfo ?? throw new InvalidOperationException($"{clrType.Name}.{property.Name} has no CLR property to read.");
            var mapping = (RelationalTypeMapping)property.GetTypeMapping();
            var converter = mapping.Converter;
            var providerType = Nullable.GetUnderlyingType(converter?.ProviderClrType ?? info.PropertyType) ?? converter?.ProviderClrType ?? info.PropertyType;
            return new Column(parameter, StoredValue(clrType, info, converter), mapping, property.IsNullable, providerType);
        }

        /// <summary>
        /// A compiled reader of the property's stored value, the converter's expression inlined (EF's boxed
        /// <see cref="ValueConverter.ConvertToProvider"/> looks up the nullable type on every call); null stays null.
        /// </summary>
        private static Func<object, object?> StoredValue(Type clrType, System.Reflection.PropertyInfo property, ValueConverter? converter)
        {
            var row = Expression.Parameter(typeof(object), "row");
            Expression value = Expression.Property(Expression.Convert(row, clrType), property);
            if (converter is not null)
            {
                var model = converter.ConvertToProviderExpression;
                var input = model.Parameters[0].Type;
                var local = Expression.Variable(value.Type, "value");
                Expression argument = Nullable.GetUnderlyingType(value.Type) is not null && !input.IsAssignableFrom(value.Type)
                    ? Expression.Property(local, "Value")
                    : Expression.Convert(local, input);
                Expression converted = Expression.Convert(Expression.Invoke(model, argument), typeof(object));
                Expression body = value.Type.IsValueType && Nullable.GetUnderlyingType(value.Type) is null
                    ? converted
                    : Expression.Condition(Expression.Equal(local, Expression.Constant(null, value.Type)), Expression.Constant(null, typeof(object)), converted);
                value = Expression.Block([local], Expression.Assign(local, value), body);
            }

            return Expression.Lambda<Func<object, object?>>(Expression.Convert(value, typeof(object)), row).Compile();
        }
    }

    /// <summary>A prepared command, reused for every row with new parameter values.</summary>
    private sealed class CommandInsert(DbCommand command, DbTransaction transaction, Column[] columns, bool returning) : Insert(transaction, columns)
    {
        public override async Task<long> ExecuteAsync(object row, CancellationToken cancellationToken)
        {
            // The parameters are made once and then given new values: a prepared command (Npgsql prepares a command run
            // often) keeps the parameter objects it was prepared with, so replacing them would send the old values.
            if (command.Parameters.Count == 0)
            {
                foreach (var column in Columns)
                {
                    command.Parameters.Add(column.Mapping.CreateParameter(command, column.Parameter, null, column.IsNullable));
                }
            }

            for (var i = 0; i < Columns.Length; i++)
            {
                command.Parameters[i].Value = Columns[i].Value(row) ?? DBNull.Value;
            }

            if (!returning)
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
                return 0;
            }

            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        public override void Dispose() => command.Dispose();
    }

    /// <summary>
    /// The insert as a statement of the SQLite connection itself, its values bound by position. Through a command,
    /// Microsoft.Data.Sqlite looks every parameter up by name on each run, and that cost about as much as the insert
    /// (an import writes a dozen rows per item). Values are bound as Microsoft.Data.Sqlite binds them (see
    /// <see cref="Bind"/>); a column of any other type makes the table use <see cref="CommandInsert"/>. The statement
    /// runs in the connection's open transaction and is reset after each row, so it never holds the database.
    /// </summary>
    internal sealed class SqliteInsert : Insert
    {
        /// <summary>
        /// Rows per statement in <see cref="ExecuteAllAsync"/>. A statement whose rows fire a trigger into the full-text
        /// index makes SQLite's FTS5 write out what it holds in memory at the statement's end; one statement per search
        /// row cost about 100 µs more per row than a statement of fifty.
        /// </summary>
        public const int RowsPerStatement = 50;

        private static readonly HashSet<Type> Bound = [typeof(string), typeof(bool), typeof(byte), typeof(short), typeof(int), typeof(long), typeof(double), typeof(float), typeof(DateTime), typeof(byte[])];

        private readonly SqliteConnection _connection;
        private readonly string _into;
        private readonly sqlite3_stmt _statement;
        private readonly bool _returning;
        private sqlite3_stmt? _group;

        public SqliteInsert(SqliteConnection connection, DbTransaction transaction, Column[] columns, string into, bool returning)
            : base(transaction, columns)
        {
            _connection = connection;
            _into = into;
            _returning = returning;
            _statement = Prepare(1);
        }

        public static bool Binds(Type providerType) => Bound.Contains(providerType);

        public override Task<long> ExecuteAsync(object row, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Run(_statement, [row], 0, 1);
            return Task.FromResult(_returning ? raw.sqlite3_last_insert_rowid(Handle) : 0);
        }

        public override Task ExecuteAllAsync(IReadOnlyList<object> rows, CancellationToken cancellationToken)
        {
            var next = 0;
            for (; next + RowsPerStatement <= rows.Count; next += RowsPerStatement)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Run(_group ??= Prepare(RowsPerStatement), rows, next, RowsPerStatement);
            }

            for (; next < rows.Count; next++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Run(_statement, rows, next, 1);
            }

            return Task.CompletedTask;
        }

        public override void Dispose()
        {
            _statement.Dispose();
            _group?.Dispose();
        }

        private sqlite3 Handle => _connection.Handle ?? throw new InvalidOperationException("The connection of the insert is closed.");

        private sqlite3_stmt Prepare(int rows)
        {
            var values = "(" + string.Join(", ", Enumerable.Repeat("?", Columns.Length)) + ")";
            var rc = raw.sqlite3_prepare_v2(Handle, _into + string.Join(", ", Enumerable.Repeat(values, rows)), out var statement);
            SqliteException.ThrowExceptionForRC(rc, Handle);
            return statement;
        }

        /// <summary>Binds <paramref name="count"/> rows from <paramref name="first"/> to the statement, runs it and resets it (so it never holds the database).</summary>
        private void Run(sqlite3_stmt statement, IReadOnlyList<object> rows, int first, int count)
        {
            var handle = Handle;
            try
            {
                var index = 1;
                for (var r = first; r < first + count; r++)
                {
                    foreach (var column in Columns)
                    {
                        Check(Bind(statement, index++, column.Value(rows[r])), handle);
                    }
                }

                var rc = raw.sqlite3_step(statement);
                if (rc != raw.SQLITE_DONE)
                {
                    SqliteException.ThrowExceptionForRC(rc, handle);
                }
            }
            finally
            {
                raw.sqlite3_reset(statement);
            }
        }

        private static int Bind(sqlite3_stmt statement, int index, object? value) => value switch
        {
            null => raw.sqlite3_bind_null(statement, index),
            string text => raw.sqlite3_bind_text16(statement, index, text.AsSpan()),
            bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
            byte number => raw.sqlite3_bind_int64(statement, index, number),
            short number => raw.sqlite3_bind_int64(statement, index, number),
            int number => raw.sqlite3_bind_int64(statement, index, number),
            long number => raw.sqlite3_bind_int64(statement, index, number),
            double number => raw.sqlite3_bind_double(statement, index, number),
            float number => raw.sqlite3_bind_double(statement, index, number),
            DateTime date => raw.sqlite3_bind_text16(statement, index, StoredDates.ToSqlite(date).AsSpan()),
            byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
            _ => throw new NotSupportedException($"A {value.GetType().Name} value is not bound by the SQLite insert."),
        };

        private static void Check(int rc, sqlite3 handle)
        {
            if (rc != raw.SQLITE_OK)
            {
                SqliteException.ThrowExceptionForRC(rc, handle);
            }
        }
    }
}
