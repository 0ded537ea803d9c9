using System.Text.Json;
using Cms.Core.Content;
using Cms.Core.Fields;
using Cms.Core.Media;
using Cms.Core.Metadata;
using Cms.Data;
using Cms.Data.Entities;
using Cms.Media.Derivatives;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cms.Media.Library;

/// <summary>
/// The media library: every file has a <see cref="MediaItemRecord"/>. Uploads (admin and API) and recipe media come
/// through here, so the checks are the same everywhere; so do listing, texts, focal points, crops, "where used" and
/// deletion. Permission checks happen at the edge (<c>ManageMedia</c>); the delete rule for files in use is here.
/// </summary>
public sealed class MediaLibrary(
    CmsDbContext db,
    IMediaFileStore files,
    ImagePreparer preparer,
    IContentDefinitionManager definitions,
    DerivativeCache derivatives,
    TimeProvider time,
    IOptions<MediaOptions> options,
    ILogger<MediaLibrary> logger)
{
    /// <summary>
    /// For a caller who holds only <c>ManageOwnMedia</c> (<paramref name="onlyOwnedBy"/> is their id): their own uploads only.
    /// Files from recipes and backfill have no owner, so only holders of <c>ManageMedia</c> change them.
    /// </summary>
    private static void CheckOwner(MediaItemRecord record, string? onlyOwnedBy)
    {
        if (onlyOwnedBy is not null && !string.Equals(record.CreatedById, onlyOwnedBy, StringComparison.Ordinal))
        {
            throw new ContentAccessDeniedException(Core.Security.Permissions.ManageMedia, (string?)null);
        }
    }

    private static readonly JsonSerializerOptions CropJson = new();

    /// <summary>
    /// Checks, cleans and stores an uploaded image under a new, safe name in its folder. <paramref name="actorId"/> (a user
    /// or client id) becomes the file's owner, who may change and delete it with <c>ManageOwnMedia</c>.
    /// </summary>
    public async Task<MediaItem> UploadAsync(MediaUpload upload, string actor, string? actorId = null, CancellationToken cancellationToken = default)
    {
        var folder = (upload.Folder ?? "").Trim().Trim('/');
        if (!MediaNames.IsValidFolder(folder))
        {
            throw new MediaRejectedException($"The folder '{upload.Folder}' is not valid: use segments of lower-case letters, digits, '-' and '_' separated by '/'.");
        }

        CheckTexts(upload.AltText, upload.Caption, upload.Credit);
        await using var prepared = await preparer.PrepareAsync(upload.Content, cancellationToken);
        var baseName = MediaNames.CleanBaseName(upload.FileName);
        for (var attempt = 1; ; attempt++)
        {
            var fileName = (attempt == 1 ? baseName : $"{baseName}-{attempt}") + prepared.Format.Extension;
            var path = MediaNames.Combine(folder, fileName);
            if (await db.MediaItems.AnyAsync(m => m.Path == path, cancellationToken) || await files.ExistsAsync(path, cancellationToken))
            {
                if (attempt >= 1000)
                {
                    throw new MediaRejectedException($"The folder '{folder}' already holds too many files named '{baseName}'.");
                }

                continue;
            }

            var now = time.GetUtcNow().UtcDateTime;
            var record = new MediaItemRecord
            {
                Id = IdGenerator.NewId(),
                Path = path,
                Folder = folder,
                FileName = fileName,
                OriginalName = Truncate(MediaNames.FileNameOf(upload.FileName.Replace('\\', '/')), 256),
                AltText = Clean(upload.AltText),
                Caption = Clean(upload.Caption),
                Credit = Clean(upload.Credit),
                CreatedUtc = now,
                ModifiedUtc = now,
                CreatedBy = Truncate(actor, 256),
                CreatedById = actorId is null ? null : Truncate(actorId, 256),
            };
            Describe(record, prepared);
            await using (var content = prepared.OpenRead())
            {
                await files.SaveAsync(path, content, cancellationToken);
            }

            db.MediaItems.Add(record);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 1000)
            {
                // Someone took the same name at the same moment: their file stays, ours tries the next name.
                db.Entry(record).State = EntityState.Detached;
                continue;
            }
            catch
            {
                db.Entry(record).State = EntityState.Detached;
                await files.DeleteAsync(path, CancellationToken.None);
                throw;
            }

            logger.LogInformation("Media {Path} ({Format}, {Width}x{Height}, {Bytes} bytes) uploaded by {Actor}", path, record.Format, record.Width, record.Height, record.ByteSize, actor);
            return ToItem(record);
        }
    }

    /// <summary>
    /// Records a prepared recipe file at its given path (replacing the record of a file already there) in the current
    /// transaction. The caller writes the file once the transaction commits.
    /// </summary>
    public async Task<MediaItemRecord> RecordImportAsync(string path, PreparedImage prepared, string actor, CancellationToken cancellationToken = default)
    {
        if (path.Length > CmsDbContext.IndexedTextLength || !MediaFieldKind.IsSafeMediaPath(path))
        {
            throw new MediaRejectedException($"'{path}' is not a valid media path.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var record = await db.MediaItems.FirstOrDefaultAsync(m => m.Path == path, cancellationToken);
        if (record is null)
        {
            record = new MediaItemRecord { Id = IdGenerator.NewId(), Path = path, CreatedUtc = now, CreatedBy = Truncate(actor, 256) };
            db.MediaItems.Add(record);
        }

        record.Folder = MediaNames.FolderOf(path);
        record.FileName = MediaNames.FileNameOf(path);
        record.OriginalName = record.FileName;
        record.ModifiedUtc = now;
        Describe(record, prepared);
        await db.SaveChangesAsync(cancellationToken);
        return record;
    }

    /// <summary>Every file of the library, by path (for exports), read a page at a time.</summary>
    public async IAsyncEnumerable<MediaItem> ListAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        const int page = 500;
        string? after = null;
        while (true)
        {
            var query = db.MediaItems.AsNoTracking();
            if (after is not null)
            {
                query = query.Where(m => string.Compare(m.Path, after) > 0);
            }

            var records = await query.OrderBy(m => m.Path).Take(page).ToListAsync(cancellationToken);
            foreach (var record in records)
            {
                yield return ToItem(record);
            }

            if (records.Count < page)
            {
                yield break;
            }

            after = records[^1].Path;
        }
    }

    public async Task<MediaItem?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        await db.MediaItems.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken) is { } record ? ToItem(record) : null;

    public async Task<MediaItem?> GetByPathAsync(string path, CancellationToken cancellationToken = default) =>
        await db.MediaItems.AsNoTracking().FirstOrDefaultAsync(m => m.Path == path, cancellationToken) is { } record ? ToItem(record) : null;

    /// <summary>The records of several paths at once (for GraphQL's data loader).</summary>
    public async Task<IReadOnlyDictionary<string, MediaItem>> GetByPathsAsync(IReadOnlyCollection<string> paths, CancellationToken cancellationToken = default)
    {
        var records = await db.MediaItems.AsNoTracking().Where(m => paths.Contains(m.Path)).ToListAsync(cancellationToken);
        return records.ToDictionary(r => r.Path, ToItem, StringComparer.Ordinal);
    }

    public async Task<MediaPage> ListAsync(MediaQuery query, CancellationToken cancellationToken = default)
    {
        if (query.Skip < 0 || query.Take is < 1 or > MediaQuery.MaxTake)
        {
            throw new MediaRejectedException($"skip must be 0 or more and take 1 to {MediaQuery.MaxTake}.");
        }

        var items = db.MediaItems.AsNoTracking();
        if (query.Folder is { } folder)
        {
            var trimmed = folder.Trim('/');
            items = items.Where(m => m.Folder == trimmed);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            // Lower-cased on both sides, so the match ignores case on SQLite and PostgreSQL alike; the term is a parameter.
            var pattern = "%" + query.Search.Trim().ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            items = items.Where(m => EF.Functions.Like(m.FileName.ToLower(), pattern, "\\") || EF.Functions.Like(m.OriginalName.ToLower(), pattern, "\\")
                || (m.AltText != null && EF.Functions.Like(m.AltText.ToLower(), pattern, "\\"))
                || (m.Caption != null && EF.Functions.Like(m.Caption.ToLower(), pattern, "\\")));
        }

        var total = await items.CountAsync(cancellationToken);
        var sorted = query.Sort switch
        {
            MediaSort.Oldest => items.OrderBy(m => m.CreatedUtc).ThenBy(m => m.Path),
            MediaSort.Name => items.OrderBy(m => m.FileName).ThenBy(m => m.Path),
            MediaSort.Largest => items.OrderByDescending(m => m.ByteSize).ThenBy(m => m.Path),
            _ => items.OrderByDescending(m => m.CreatedUtc).ThenBy(m => m.Path),
        };
        var page = await sorted.Skip(query.Skip).Take(query.Take).ToListAsync(cancellationToken);
        return new MediaPage(total, [.. page.Select(ToItem)]);
    }

    public async Task<IReadOnlyList<MediaFolder>> GetFoldersAsync(CancellationToken cancellationToken = default) =>
        await db.MediaItems.AsNoTracking().GroupBy(m => m.Folder).OrderBy(g => g.Key)
            .Select(g => new MediaFolder(g.Key, g.Count())).ToListAsync(cancellationToken);

    public async Task<MediaItem> UpdateAsync(string id, MediaUpdate update, string? onlyOwnedBy = null, CancellationToken cancellationToken = default)
    {
        var record = await db.MediaItems.FirstOrDefaultAsync(m => m.Id == id, cancellationToken)
            ?? throw new MediaRejectedException($"Media file '{id}' does not exist.", 404);
        CheckOwner(record, onlyOwnedBy);
        CheckTexts(update.AltText, update.Caption, update.Credit);
        if (update.FocalPoint is { } focal && !focal.IsValid())
        {
            throw new MediaRejectedException("The focal point needs X and Y between 0 and 1.");
        }

        if (update.Crops is { } crops)
        {
            foreach (var (profile, crop) in crops)
            {
                if (!MediaFieldKind.IsProfileName(profile))
                {
                    throw new MediaRejectedException($"'{profile}' is not a profile name.");
                }

                if (!crop.IsValid())
                {
                    throw new MediaRejectedException($"The '{profile}' crop needs X, Y, Width and Height as fractions of the image (0–1) that stay inside it.");
                }
            }

            record.Crops = crops.Count == 0 ? null : JsonSerializer.Serialize(crops, CropJson);
        }

        record.AltText = update.AltText is null ? record.AltText : Clean(update.AltText);
        record.Caption = update.Caption is null ? record.Caption : Clean(update.Caption);
        record.Credit = update.Credit is null ? record.Credit : Clean(update.Credit);
        if (update.FocalPoint is { } point)
        {
            record.FocalX = point.X;
            record.FocalY = point.Y;
        }

        record.ModifiedUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return ToItem(record);
    }

    /// <summary>The items whose latest or published version has a media field pointing at <paramref name="path"/>.</summary>
    public async Task<IReadOnlyList<MediaUsage>> WhereUsedAsync(string path, CancellationToken cancellationToken = default)
    {
        var set = await definitions.GetAsync(cancellationToken);
        var usages = new List<MediaUsage>();
        foreach (var type in set.Types.Values)
        {
            foreach (var (part, field) in set.FieldsOf(type).Where(f => f.Field.FieldName == "MediaField"))
            {
                var (typeName, partName, fieldName) = (type.Name, part.Name, field.Name);
                var rows = await (
                    from index in db.TextFieldIndex.AsNoTracking()
                    join item in db.ContentItems.AsNoTracking() on index.DocumentId equals item.Id
                    where index.ContentType == typeName && index.PartName == partName && index.FieldName == fieldName && index.Value == path
                        && (item.Latest || item.Published)
                    select new { item.ContentItemId, item.ContentType, item.DisplayText, item.Published, item.Latest })
                    .ToListAsync(cancellationToken);
                usages.AddRange(rows.Select(r => new MediaUsage(r.ContentItemId, r.ContentType, r.DisplayText, $"{partName}.{fieldName}", r.Published, r.Latest)));
            }
        }

        return [.. usages.OrderBy(u => u.ContentItemId, StringComparer.Ordinal).ThenByDescending(u => u.Published)];
    }

    /// <summary>
    /// Deletes a file, its record and its derivatives. A file still used by content is refused (409) unless
    /// <paramref name="force"/> is set by a caller that <paramref name="mayForce"/> (<c>DeleteUsedMedia</c>).
    /// </summary>
    public async Task DeleteAsync(string id, bool force, bool mayForce, string actor, string? onlyOwnedBy = null, CancellationToken cancellationToken = default)
    {
        var record = await db.MediaItems.FirstOrDefaultAsync(m => m.Id == id, cancellationToken)
            ?? throw new MediaRejectedException($"Media file '{id}' does not exist.", 404);
        CheckOwner(record, onlyOwnedBy);
        var usages = await WhereUsedAsync(record.Path, cancellationToken);
        if (usages.Count > 0)
        {
            var names = string.Join(", ", usages.Select(u => $"'{u.DisplayText ?? u.ContentItemId}'").Distinct().Take(5));
            if (!force)
            {
                throw new MediaRejectedException($"'{record.Path}' is used by {usages.Select(u => u.ContentItemId).Distinct().Count()} item(s): {names}. Remove it from them first, or force the delete.", 409);
            }

            if (!mayForce)
            {
                throw new ContentAccessDeniedException(Core.Security.Permissions.DeleteUsedMedia, (string?)null);
            }
        }

        db.MediaItems.Remove(record);
        await db.SaveChangesAsync(cancellationToken);
        await files.DeleteAsync(record.Path, CancellationToken.None);
        derivatives.DeleteAll(record.Path);
        logger.LogInformation("Media {Path} deleted by {Actor} (used by {Usages} items)", record.Path, actor, usages.Count);
    }

    public MediaItem ToItem(MediaItemRecord record) => new(
        record.Id,
        record.Path,
        MediaUrls.Original(options.Value.RequestPath, record.Path),
        record.Folder,
        record.FileName,
        record.OriginalName,
        record.Format,
        record.MimeType,
        record.ByteSize,
        record.Width,
        record.Height,
        record.ContentHash,
        record.AltText,
        record.Caption,
        record.Credit,
        record.FocalX is { } x && record.FocalY is { } y ? new FocalPoint(x, y) : FocalPoint.Centre,
        ReadCrops(record.Crops),
        record.CreatedUtc,
        record.CreatedBy,
        record.ModifiedUtc);

    private static Dictionary<string, CropRectangle> ReadCrops(string? json) =>
        json is null ? new Dictionary<string, CropRectangle>() : JsonSerializer.Deserialize<Dictionary<string, CropRectangle>>(json, CropJson) ?? [];

    private static void Describe(MediaItemRecord record, PreparedImage prepared)
    {
        record.Format = prepared.Format.Name;
        record.MimeType = prepared.Format.MimeType;
        record.ByteSize = prepared.ByteSize;
        record.Width = prepared.Width;
        record.Height = prepared.Height;
        record.ContentHash = prepared.ContentHash;
    }

    private static void CheckTexts(string? altText, string? caption, string? credit)
    {
        if (altText?.Length > 1024 || caption?.Length > 2048 || credit?.Length > 512)
        {
            throw new MediaRejectedException("Alt text is limited to 1024 characters, the caption to 2048 and the credit to 512.");
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Truncate(string value, int length) => value.Length > length ? value[..length] : value;
}
