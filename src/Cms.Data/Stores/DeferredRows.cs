using System.Data.Common;
using System.Linq.Expressions;
using Cms.Data.Entities;
using Cms.Data.SharedState;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cms.Data.Stores;

/// <summary>
/// New rows saved while saves are deferred (<see cref="Core.Storage.IUnitOfWork.DeferSaves"/>): content versions with
/// their index rows, and audit entries. They are written at the next flush with one prepared INSERT per table, reused for
/// every row, instead of through the change tracker, whose bookkeeping per entity cost more than the statements (about
/// three quarters of an import's time went into tracking and batching rows that are never read again). The statements are
/// built from the EF model (table and column names, each property's type mapping and converter), so a row is stored
/// exactly as EF would store it; the rows are never tracked, so a long import holds nothing per written item.
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
            version.Id = Convert.ToInt64(await InsertFor<ContentItemRecord>(transaction).ExecuteAsync(version, cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
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
            entry.Id = Convert.ToInt64(await InsertFor<AuditEventRecord>(transaction).ExecuteAsync(entry, cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
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
    /// one prepared insert for each of the others. Triggers keep the full-text index, so the insert reads nothing back.
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
                await InsertFor<ContentSearchRecord>(transaction, returning: false).ExecuteAsync(row, cancellationToken);
            }
        }

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

    /// <summary>One prepared <c>INSERT</c> of an entity type's columns (all but the generated key), <c>RETURNING</c> the key when asked.</summary>
    private sealed class Insert : IDisposable
    {
        private readonly DbCommand _command;
        private readonly (Func<object, object?> Get, RelationalTypeMapping Mapping, string Name, bool Nullable)[] _columns;

        private readonly bool _returning;

        private Insert(DbCommand command, (Func<object, object?>, RelationalTypeMapping, string, bool)[] columns, DbTransaction transaction, bool returning)
        {
            _command = command;
            _columns = columns;
            _returning = returning;
            Transaction = transaction;
        }

        public DbTransaction Transaction { get; }

        public static Insert Create(CmsDbContext db, Type clrType, DbTransaction transaction, bool returning)
        {
            var entity = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not in the model.");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var key = entity.FindPrimaryKey()!.Properties.Single();
            var sql = db.GetService<ISqlGenerationHelper>();
            var properties = entity.GetProperties().Where(p => !p.IsPrimaryKey()).ToList();
            var columns = new List<(Func<object, object?>, RelationalTypeMapping, string, bool)>();
            var names = new List<string>();
            var placeholders = new List<string>();
            foreach (var property in properties)
            {
                var info = property.PropertyInfo ?? throw new InvalidOperationException($"{clrType.Name}.{property.Name} has no CLR property to read.");
                var name = "p" + columns.Count;
                columns.Add((Getter(clrType, info), (RelationalTypeMapping)property.GetTypeMapping(), sql.GenerateParameterName(name), property.IsNullable));
                names.Add(sql.DelimitIdentifier(property.GetColumnName(table)!));
                placeholders.Add(sql.GenerateParameterNamePlaceholder(name));
            }

            var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", names)}) VALUES ({string.Join(", ", placeholders)})"
                + (returning ? $" RETURNING {sql.DelimitIdentifier(key.GetColumnName(table)!)}" : "");
            return new Insert(command, [.. columns], transaction, returning);
        }

        public async Task<object?> ExecuteAsync(object row, CancellationToken cancellationToken)
        {
            // The parameters are made once and then given new values: a prepared command (Npgsql prepares a command run
            // often) keeps the parameter objects it was prepared with, so replacing them would send the old values.
            var first = _command.Parameters.Count == 0;
            for (var i = 0; i < _columns.Length; i++)
            {
                var (get, mapping, name, nullable) = _columns[i];
                var parameter = mapping.CreateParameter(_command, name, get(row), nullable);
                if (first)
                {
                    _command.Parameters.Add(parameter);
                }
                else
                {
                    _command.Parameters[i].Value = parameter.Value;
                }
            }

            return _returning ? await _command.ExecuteScalarAsync(cancellationToken) : await _command.ExecuteNonQueryAsync(cancellationToken);
        }

        public void Dispose() => _command.Dispose();

        private static Func<object, object?> Getter(Type type, System.Reflection.PropertyInfo property)
        {
            var row = Expression.Parameter(typeof(object), "row");
            var body = Expression.Convert(Expression.Property(Expression.Convert(row, type), property), typeof(object));
            return Expression.Lambda<Func<object, object?>>(body, row).Compile();
        }
    }
}
