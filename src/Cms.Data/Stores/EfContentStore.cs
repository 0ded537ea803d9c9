using System.Data.Common;
using System.Linq.Expressions;
using Cms.Core.Content;
using Cms.Core.Fields;
using Cms.Core.Queries;
using Cms.Core.Storage;
using Cms.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cms.Data.Stores;

/// <summary>
/// Content versions in <c>ContentItems</c> with their field values in the index tables, written in the same
/// transaction. Versions read through <see cref="GetAsync"/> are tracked so that a write can detect a
/// concurrent change (the <c>Revision</c> column). Lists and batches (<see cref="QueryAsync"/>,
/// <see cref="GetManyAsync"/>) are read-only and share their parsed content through <see cref="SharedContentCache"/>.
/// While the unit of work defers saves (<see cref="IUnitOfWork.DeferSaves"/>), every read answers as if each save had
/// been written: the store remembers the ids and paths of the versions it added or changed since the last write, and
/// flushes before a lookup that one of them could answer differently (the same id, the same path), or before any
/// other read. So the path rule and the id rule are the same code whether items are saved one by one or in batches.
/// </summary>
public sealed class EfContentStore(CmsDbContext db, SharedContentCache shared, EfUnitOfWork unitOfWork, PreparedReads reads, CommandTemplates templates) : IContentStore
{
    /// <summary>
    /// A version without its text (see <see cref="ReadSharedAsync"/>). Built once: the compiler's code for a lambda
    /// expression looks up every property by reflection each time it runs.
    /// </summary>
    internal static readonly Expression<Func<ContentItemRecord, ContentItemRecord>> Head = r => new ContentItemRecord
    {
        Id = r.Id,
        ContentItemId = r.ContentItemId,
        ContentItemVersionId = r.ContentItemVersionId,
        ContentType = r.ContentType,
        DisplayText = r.DisplayText,
        Latest = r.Latest,
        Published = r.Published,
        Owner = r.Owner,
        Author = r.Author,
        CreatedUtc = r.CreatedUtc,
        ModifiedUtc = r.ModifiedUtc,
        PublishedUtc = r.PublishedUtc,
        Stage = r.Stage,
        AssignedTo = r.AssignedTo,
        DueUtc = r.DueUtc,
        Revision = r.Revision,
    };

    private const int ExpectChunk = 500;

    /// <summary>A row of <see cref="Head"/>, by position (a test compares it with EF Core's reading of the same rows).</summary>
    internal static ContentItemRecord ReadHead(DbDataReader row) => new()
    {
        Id = row.GetInt64(0),
        ContentItemId = row.GetString(1),
        ContentItemVersionId = row.GetString(2),
        ContentType = row.GetString(3),
        DisplayText = Text(row, 4),
        Latest = row.GetBoolean(5),
        Published = row.GetBoolean(6),
        Owner = Text(row, 7),
        Author = Text(row, 8),
        CreatedUtc = StoredDates.Read(row, 9),
        ModifiedUtc = StoredDates.Read(row, 10),
        PublishedUtc = StoredDates.Read(row, 11),
        Stage = row.GetString(12),
        AssignedTo = Text(row, 13),
        DueUtc = StoredDates.Read(row, 14),
        Revision = row.GetInt32(15),
    };

    private static string? Text(DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);

    private readonly HashSet<string> _unwrittenIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unwrittenPaths = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ContentItemRecord> _unwrittenOwners = new(StringComparer.Ordinal);
    private readonly HashSet<string> _absentIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _expectedPathOwners = new(StringComparer.Ordinal);
    private object? _expectedIn;
    private long _generationSeen;

    public async Task<ContentItem?> GetAsync(string contentItemId, VersionOptions options, CancellationToken cancellationToken = default)
    {
        await FlushIfUnwrittenAsync(_unwrittenIds, contentItemId, cancellationToken);
        if (KnownAbsent(contentItemId))
        {
            return null;
        }

        var query = db.ContentItems.Where(r => r.ContentItemId == contentItemId);
        query = options == VersionOptions.Published ? query.Where(r => r.Published) : query.Where(r => r.Latest);
        var record = await query.FirstOrDefaultAsync(cancellationToken);
        return record is null ? null : ToItem(record);
    }

    public async Task<ContentItem?> GetVersionAsync(string contentItemVersionId, CancellationToken cancellationToken = default)
    {
        await FlushIfAnyUnwrittenAsync(cancellationToken);
        var record = await db.ContentItems.FirstOrDefaultAsync(r => r.ContentItemVersionId == contentItemVersionId, cancellationToken);
        return record is null ? null : ToItem(record);
    }

    public async Task<IReadOnlyList<ContentItem>> GetVersionsAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        await FlushIfUnwrittenAsync(_unwrittenIds, contentItemId, cancellationToken);
        if (KnownAbsent(contentItemId))
        {
            return [];
        }

        var records = await db.ContentItems.AsNoTracking()
            .Where(r => r.ContentItemId == contentItemId)
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
        return records.Select(ToItem).ToList();
    }

    public async Task<IReadOnlyDictionary<string, ContentItem>> GetManyAsync(IReadOnlyCollection<string> contentItemIds, VersionOptions options, CancellationToken cancellationToken = default)
    {
        if (contentItemIds.Count == 0)
        {
            return new Dictionary<string, ContentItem>();
        }

        await FlushIfAnyUnwrittenAsync(cancellationToken);
        var ids = contentItemIds.Distinct().ToList();
        var published = options == VersionOptions.Published;
        var items = await ReadSharedAsync(
            () => Many(ids, published),
            () => templates.Command(db, published ? "many:published" : "many:latest", [ids], values => Many((List<string>)values[0]!, published).Select(Head)),
            cancellationToken);
        return items.ToDictionary(i => i.ContentItemId);
    }

    /// <summary>
    /// The versions with these ids. One parameter for all the ids (see ExpectAsync): the SQL stays the same whatever their
    /// number, so EF and the database plan it once instead of for each size of batch a page of pickers asks for.
    /// </summary>
    internal IQueryable<ContentItemRecord> Many(List<string> ids, bool published)
    {
        var query = db.ContentItems.AsNoTracking().Where(r => EF.Parameter(ids).Contains(r.ContentItemId));
        return published ? query.Where(r => r.Published) : query.Where(r => r.Latest);
    }

    public Task AddAsync(ContentItem version, IReadOnlyList<FieldIndexEntry> index, CancellationToken cancellationToken = default)
    {
        var record = new ContentItemRecord();
        CopyTo(version, record);
        AddIndex(record, version.ContentType, index);
        if (unitOfWork.SavesDeferred)
        {
            // Written at the next flush without the change tracker (see DeferredRows).
            unitOfWork.Rows.Add(record);
        }
        else
        {
            db.ContentItems.Add(record);
        }

        Remember(record);
        return Task.CompletedTask;
    }

    public async Task UpdateAsync(ContentItem version, IReadOnlyList<FieldIndexEntry>? index, CancellationToken cancellationToken = default)
    {
        var record = await TrackedAsync(version.ContentItemVersionId, cancellationToken);
        Remember(record);
        var (published, publishedUtc) = (record.Published, record.PublishedUtc);
        CopyTo(version, record);
        Remember(record);
        record.Revision++;
        if (index is null)
        {
            if (record.Published != published || record.PublishedUtc != publishedUtc)
            {
                var pickers = db.Entry(record).Collection(r => r.ContentPickerFields);
                if (!pickers.IsLoaded && db.Entry(record).State != EntityState.Added)
                {
                    await pickers.LoadAsync(cancellationToken);
                }

                CarryPublication(record);
            }
        }
        else
        {
            await db.Entry(record).Collection(r => r.TextFields).LoadAsync(cancellationToken);
            await db.Entry(record).Collection(r => r.NumericFields).LoadAsync(cancellationToken);
            await db.Entry(record).Collection(r => r.BooleanFields).LoadAsync(cancellationToken);
            await db.Entry(record).Collection(r => r.DateTimeFields).LoadAsync(cancellationToken);
            await db.Entry(record).Collection(r => r.ContentPickerFields).LoadAsync(cancellationToken);
            record.TextFields.Clear();
            record.NumericFields.Clear();
            record.BooleanFields.Clear();
            record.DateTimeFields.Clear();
            record.ContentPickerFields.Clear();
            AddIndex(record, version.ContentType, index);
        }
    }

    public async Task RemoveVersionAsync(ContentItem version, CancellationToken cancellationToken = default)
    {
        var record = await TrackedAsync(version.ContentItemVersionId, cancellationToken);
        Remember(record);
        db.ContentItems.Remove(record);
    }

    public async Task<string?> FindPathOwnerAsync(string path, string exceptContentItemId, CancellationToken cancellationToken = default)
    {
        DropWritten();
        if (unitOfWork.HasUnwrittenSaves && _unwrittenOwners.TryGetValue(path, out var pending) && pending.Path == path && pending.ContentItemId != exceptContentItemId && (pending.Latest || pending.Published))
        {
            // An item saved but not written yet holds the path: the database would say the same after a flush.
            return pending.ContentItemId;
        }

        await FlushIfUnwrittenAsync(_unwrittenPaths, path, cancellationToken);
        if (Expected() && _expectedPathOwners.TryGetValue(path, out var owners))
        {
            return owners.FirstOrDefault(o => o != exceptContentItemId);
        }

        return await db.ContentItems.AsNoTracking()
            .Where(r => r.Path == path && r.ContentItemId != exceptContentItemId && (r.Latest || r.Published))
            .Select(r => r.ContentItemId)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task ExpectAsync(IReadOnlyCollection<string> contentItemIds, IReadOnlyCollection<string> paths, CancellationToken cancellationToken = default)
    {
        _absentIds.Clear();
        _expectedPathOwners.Clear();
        _expectedIn = unitOfWork.Transaction;
        if (_expectedIn is null)
        {
            return;
        }

        // What the session holds unwritten is not in the database yet: those ids and paths keep their own rule.
        // Each chunk goes as one parameter (a JSON array on SQLite, an array on PostgreSQL): as hundreds of separate
        // parameters, EF wrote the SQL again for every batch and SQLite bound each by name, 11 ms a lookup.
        DropWritten();
        foreach (var chunk in contentItemIds.Where(id => !_unwrittenIds.Contains(id)).Distinct(StringComparer.Ordinal).Chunk(ExpectChunk))
        {
            var present = await db.ContentItems.AsNoTracking().Where(r => EF.Parameter(chunk).Contains(r.ContentItemId)).Select(r => r.ContentItemId).Distinct().ToListAsync(cancellationToken);
            _absentIds.UnionWith(chunk.Except(present, StringComparer.Ordinal));
        }

        foreach (var chunk in paths.Where(p => !_unwrittenPaths.Contains(p)).Distinct(StringComparer.Ordinal).Chunk(ExpectChunk))
        {
            foreach (var path in chunk)
            {
                _expectedPathOwners[path] = [];
            }

            var held = await db.ContentItems.AsNoTracking()
                .Where(r => r.Path != null && EF.Parameter(chunk).Contains(r.Path) && (r.Latest || r.Published))
                .Select(r => new { r.Path, r.ContentItemId })
                .ToListAsync(cancellationToken);
            foreach (var row in held)
            {
                var owners = _expectedPathOwners[row.Path!];
                if (!owners.Contains(row.ContentItemId, StringComparer.Ordinal))
                {
                    owners.Add(row.ContentItemId);
                }
            }
        }
    }

    /// <summary>Whether <see cref="ExpectAsync"/> found no version of the item, and nothing since has saved one.</summary>
    private bool KnownAbsent(string contentItemId) => Expected() && _absentIds.Contains(contentItemId);

    /// <summary>Whether what <see cref="ExpectAsync"/> found still holds: it was found in the transaction still open.</summary>
    private bool Expected() => _expectedIn is not null && ReferenceEquals(_expectedIn, unitOfWork.Transaction);

    public async Task<ContentQueryResult> QueryAsync(ContentQuery query, CancellationToken cancellationToken = default)
    {
        await FlushIfAnyUnwrittenAsync(cancellationToken);
        if (query.FullText is { } fullText)
        {
            return await SearchAsync(query, fullText, cancellationToken);
        }

        int? total = query.IncludeTotal ? await new ContentQueryTranslator(db).Filter(query).CountAsync(cancellationToken) : null;
        if (query.Take <= 0)
        {
            // Only the count was asked for: no rows are read.
            return new ContentQueryResult([], total);
        }

        var items = await ReadSharedAsync(
            () => Page(query),
            () => QueryShape.Of(query) is { } shape
                ? templates.Command(db, CommandTemplates.PageKey(shape), shape.Values, values => Page(QueryShape.With(query, values)).Select(Head))
                : null,
            cancellationToken);
        return new ContentQueryResult(items, total);
    }

    /// <summary>The page of <paramref name="query"/>'s matches, in its order.</summary>
    internal IQueryable<ContentItemRecord> Page(ContentQuery query)
    {
        var translator = new ContentQueryTranslator(db);
        return translator.NewestPicking(query)
            ?? translator.Order(translator.Filter(query), query.OrderBy).Skip(Math.Max(0, query.Skip)).Take(query.Take);
    }

    /// <summary>
    /// A full-text query: the matches of the search index joined with the published versions that pass the filters
    /// (which carry what the caller may read), best first; then the snippets of that page only.
    /// </summary>
    private async Task<ContentQueryResult> SearchAsync(ContentQuery query, FullTextQuery fullText, CancellationToken cancellationToken)
    {
        if (query.Status != ContentStatus.Published)
        {
            throw new InvalidOperationException("The search index holds published versions only.");
        }

        var sql = new FullTextSql(db);
        var versions = new ContentQueryTranslator(db).Filter(query);
        var matches =
            from hit in sql.Matches(fullText)
            join version in versions on hit.DocumentId equals version.Id
            select new { hit.Id, hit.Score, Version = version };
        return await sql.BoundedAsync(async token =>
        {
            int? total = query.IncludeTotal ? await matches.CountAsync(token) : null;
            if (query.Take <= 0)
            {
                return new ContentQueryResult([], total, []);
            }

            var page = await matches
                .OrderByDescending(m => m.Score).ThenByDescending(m => m.Version.PublishedUtc).ThenByDescending(m => m.Version.Id)
                .Skip(Math.Max(0, query.Skip)).Take(query.Take)
                .ToListAsync(token);
            var snippets = await sql.SnippetsAsync(fullText, page.Select(m => m.Id).ToList(), token);
            return new ContentQueryResult(
                page.Select(m => ToSharedItem(m.Version)).ToList(),
                total,
                page.Select(m => new FullTextMatch(m.Score, snippets.GetValueOrDefault(m.Id, ""))).ToList());
        }, cancellationToken);
    }

    /// <summary>Notes the id and path (before and after a change) of a version whose save may be deferred.</summary>
    private void Remember(ContentItemRecord record)
    {
        DropWritten();
        _unwrittenIds.Add(record.ContentItemId);
        _absentIds.Remove(record.ContentItemId);
        if (record.Path is { } path)
        {
            _unwrittenPaths.Add(path);
            _unwrittenOwners[path] = record;
            _expectedPathOwners.Remove(path);
        }
    }

    /// <summary>Drops what the session has written (or rolled back) since it was noted.</summary>
    private void DropWritten()
    {
        if (_generationSeen != unitOfWork.Generation)
        {
            _generationSeen = unitOfWork.Generation;
            _unwrittenIds.Clear();
            _unwrittenPaths.Clear();
            _unwrittenOwners.Clear();
        }
    }

    private async Task FlushIfUnwrittenAsync(HashSet<string> keys, string key, CancellationToken cancellationToken)
    {
        DropWritten();
        if (unitOfWork.HasUnwrittenSaves && keys.Contains(key))
        {
            await unitOfWork.FlushAsync(cancellationToken);
        }
    }

    private async Task FlushIfAnyUnwrittenAsync(CancellationToken cancellationToken)
    {
        DropWritten();
        if (unitOfWork.HasUnwrittenSaves && _unwrittenIds.Count > 0)
        {
            await unitOfWork.FlushAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The session's record of a version loaded (or added) in this session. A version this session wrote without the
    /// change tracker (a deferred save) is written first if it is not yet, then loaded.
    /// </summary>
    private async Task<ContentItemRecord> TrackedAsync(string contentItemVersionId, CancellationToken cancellationToken)
    {
        if (TrackedRows.Find<ContentItemRecord>(db, r => r.ContentItemVersionId == contentItemVersionId) is { } tracked)
        {
            return tracked;
        }

        if (unitOfWork.Rows.FindUnwritten(contentItemVersionId) is not null)
        {
            await unitOfWork.FlushAsync(cancellationToken);
        }

        return unitOfWork.Rows.Wrote(contentItemVersionId)
            ? await db.ContentItems.FirstAsync(r => r.ContentItemVersionId == contentItemVersionId, cancellationToken)
            : throw new InvalidOperationException($"Version '{contentItemVersionId}' must be loaded in this session before it is changed.");
    }

    internal static ContentItem ToItem(ContentItemRecord record) => ToItem(record, ContentItemJson.DeserializeParts(record.Data));

    private ContentItem ToSharedItem(ContentItemRecord record) =>
        unitOfWork.InTransaction ? ToItem(record) : ToItem(record, shared.Get(record.Id, record.Revision, record.Data));

    /// <summary>
    /// The versions of <paramref name="rows"/> for reading, in order. Outside a transaction the rows are read without
    /// their text (with the command <paramref name="heads"/> gives, when it gives one: the same query from
    /// <see cref="CommandTemplates"/>); only the rows whose content is not in <see cref="SharedContentCache"/> at their
    /// revision are read again with it. Should one of those rows change between the two reads, the rows are read once
    /// more with their text. Inside a transaction every row is read whole and parsed for this session alone.
    /// </summary>
    private async Task<List<ContentItem>> ReadSharedAsync(Func<IQueryable<ContentItemRecord>> rows, Func<DbCommand?>? heads, CancellationToken cancellationToken)
    {
        // A transaction begun on the context (not through the unit of work) keeps the read on its connection too.
        if (unitOfWork.InTransaction || db.Database.CurrentTransaction is not null)
        {
            return (await rows().AsNoTracking().ToListAsync(cancellationToken)).Select(ToItem).ToList();
        }

        // Outside a transaction what this session wrote is committed, so the rows can be read on any connection.
        var headRows = heads?.Invoke() is { } command
            ? await reads.ReadAsync(db, command, ReadHead, cancellationToken)
            : await reads.ReadAsync(db, rows().AsNoTracking().Select(Head), ReadHead, cancellationToken);
        return await WithContentAsync(rows, headRows, cancellationToken);
    }

    private async Task<List<ContentItem>> WithContentAsync(Func<IQueryable<ContentItemRecord>> rows, List<ContentItemRecord> heads, CancellationToken cancellationToken)
    {
        var contents = new System.Text.Json.Nodes.JsonObject?[heads.Count];
        List<long>? missing = null;
        for (var i = 0; i < heads.Count; i++)
        {
            if (shared.TryGet(heads[i].Id, heads[i].Revision, out var content))
            {
                contents[i] = content;
            }
            else
            {
                (missing ??= []).Add(heads[i].Id);
            }
        }

        if (missing is not null)
        {
            var texts = (await reads.ReadAsync(
                    db,
                    db.ContentItems.AsNoTracking().Where(r => EF.Parameter(missing).Contains(r.Id)).Select(r => new { r.Id, r.Revision, r.Data }),
                    row => (Id: row.GetInt64(0), Revision: row.GetInt32(1), Data: row.GetString(2)),
                    cancellationToken))
                .ToDictionary(r => r.Id);
            for (var i = 0; i < heads.Count; i++)
            {
                if (contents[i] is not null)
                {
                    continue;
                }

                if (!texts.TryGetValue(heads[i].Id, out var text) || text.Revision != heads[i].Revision)
                {
                    // Changed (or gone) since the first read: read the rows once, whole.
                    return (await rows().AsNoTracking().ToListAsync(cancellationToken)).Select(ToSharedItem).ToList();
                }

                contents[i] = shared.Get(text.Id, text.Revision, text.Data);
            }
        }

        return heads.Select((head, i) => ToItem(head, contents[i]!)).ToList();
    }

    private static ContentItem ToItem(ContentItemRecord record, System.Text.Json.Nodes.JsonObject content) => new()
    {
        ContentItemId = record.ContentItemId,
        ContentItemVersionId = record.ContentItemVersionId,
        ContentType = record.ContentType,
        DisplayText = record.DisplayText,
        Latest = record.Latest,
        Published = record.Published,
        Owner = record.Owner,
        Author = record.Author,
        CreatedUtc = record.CreatedUtc,
        ModifiedUtc = record.ModifiedUtc,
        PublishedUtc = record.PublishedUtc,
        Stage = record.Stage,
        AssignedTo = record.AssignedTo,
        DueUtc = record.DueUtc,
        Content = content,
    };

    private static void CopyTo(ContentItem item, ContentItemRecord record)
    {
        record.ContentItemId = item.ContentItemId;
        record.ContentItemVersionId = item.ContentItemVersionId;
        record.ContentType = item.ContentType;
        record.DisplayText = Truncate(item.DisplayText, 512);
        record.Path = item.Part(BuiltInParts.AutoroutePart)?["Path"]?.GetValue<string>();
        record.Latest = item.Latest;
        record.Published = item.Published;
        record.Owner = item.Owner;
        record.Author = item.Author;
        record.CreatedUtc = item.CreatedUtc;
        record.ModifiedUtc = item.ModifiedUtc;
        record.PublishedUtc = item.PublishedUtc;
        record.Stage = item.Stage;
        record.AssignedTo = item.AssignedTo;
        record.DueUtc = item.DueUtc;
        record.Data = ContentItemJson.SerializeParts(item);
    }

    private static void AddIndex(ContentItemRecord record, string contentType, IReadOnlyList<FieldIndexEntry> index)
    {
        foreach (var entry in index)
        {
            switch (entry.Kind)
            {
                case FieldIndexKind.Text:
                    record.TextFields.Add(Row<TextFieldIndexRecord, string>(contentType, entry, Truncate(entry.Text, CmsDbContext.IndexedTextLength)));
                    break;
                case FieldIndexKind.Numeric:
                    record.NumericFields.Add(Row<NumericFieldIndexRecord, double?>(contentType, entry, entry.Number));
                    break;
                case FieldIndexKind.Boolean:
                    record.BooleanFields.Add(Row<BooleanFieldIndexRecord, bool?>(contentType, entry, entry.Boolean));
                    break;
                case FieldIndexKind.DateTime:
                    record.DateTimeFields.Add(Row<DateTimeFieldIndexRecord, DateTime?>(contentType, entry, entry.Date));
                    break;
                case FieldIndexKind.ContentPicker:
                    record.ContentPickerFields.Add(Row<ContentPickerFieldIndexRecord, string>(contentType, entry, entry.ContentItemId));
                    break;
                case FieldIndexKind.None:
                    break;
            }
        }

        CarryPublication(record);
    }

    /// <summary>Gives the version's picker index rows its published flag and date (see <see cref="ContentPickerFieldIndexRecord"/>).</summary>
    private static void CarryPublication(ContentItemRecord record)
    {
        foreach (var row in record.ContentPickerFields)
        {
            row.Published = record.Published;
            row.PublishedUtc = record.PublishedUtc;
        }
    }

    private static T Row<T, TValue>(string contentType, FieldIndexEntry entry, TValue? value)
        where T : FieldIndexRecord<TValue>, new() =>
        new() { ContentType = contentType, PartName = entry.PartName, FieldName = entry.FieldName, Value = value };

    private static string? Truncate(string? value, int length) => value is { } v && v.Length > length ? v[..length] : value;
}
