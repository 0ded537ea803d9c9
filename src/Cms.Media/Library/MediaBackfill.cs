using Cms.Core.Fields;
using Cms.Core.Media;
using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cms.Media.Library;

/// <summary>
/// Gives a library record to every file under the media root that has none (an install from before the library, or
/// files copied in by hand). Each file goes through the same preparation as an upload (<see cref="ImagePreparer"/>:
/// the image gate's checks, turned upright, metadata stripped) and is recorded at its own path with
/// <see cref="MediaLibrary.RecordImportAsync"/>, so content pointing at it keeps working. A file that is not a valid
/// image, or whose content does not match its extension, is reported and left exactly as it was: never deleted.
/// </summary>
public sealed class MediaBackfill(CmsDbContext db, ImagePreparer preparer, MediaLibrary library, IMediaFileStore files, IOptions<MediaOptions> options, ILogger<MediaBackfill> logger)
{
    public const string Actor = "backfill";

    public async Task<MediaBackfillReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var root = Path.GetFullPath(options.Value.RootPath);
        var report = new MediaBackfillReport();
        if (!Directory.Exists(root))
        {
            return report;
        }

        var known = (await db.MediaItems.AsNoTracking().Select(m => m.Path).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var found = Directory.EnumerateFiles(root, "*", new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.System,
        });
        foreach (var full in found.Order(StringComparer.Ordinal))
        {
            var path = Path.GetRelativePath(root, full).Replace(Path.DirectorySeparatorChar, '/');
            if (known.Contains(path))
            {
                report.AlreadyRecorded++;
                continue;
            }

            if (path.EndsWith(".uploading", StringComparison.Ordinal))
            {
                // A file still being written by the store (or left by a crash); not a library file.
                continue;
            }

            var refusal = await TryRecordAsync(full, path, cancellationToken);
            if (refusal is null)
            {
                report.Recorded.Add(path);
                logger.LogInformation("Backfill: recorded {Path}", path);
            }
            else
            {
                report.Skipped.Add(new MediaBackfillSkip(path, refusal));
                logger.LogWarning("Backfill: skipped {Path}: {Reason}", path, refusal);
            }
        }

        return report;
    }

    /// <summary>Records one file; returns why it was skipped, or null.</summary>
    private async Task<string?> TryRecordAsync(string full, string path, CancellationToken cancellationToken)
    {
        if (!MediaFieldKind.IsSafeMediaPath(path) || path.Length > CmsDbContext.IndexedTextLength)
        {
            return "its path cannot be a media path (too long, or with characters the library does not allow).";
        }

        var size = new FileInfo(full).Length;
        if (size > options.Value.MaxUploadBytes)
        {
            return $"it is larger than the upload limit ({size} bytes; Cms:Media:MaxUploadBytes is {options.Value.MaxUploadBytes}).";
        }

        PreparedImage prepared;
        try
        {
            await using var source = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
            prepared = await preparer.PrepareAsync(source, cancellationToken);
        }
        catch (MediaRejectedException e)
        {
            return e.Message;
        }

        await using (prepared)
        {
            if (!prepared.Format.MatchesExtension(path))
            {
                return $"its content is {prepared.Format.Name.ToUpperInvariant()}, which does not match its extension; rename it and run the backfill again.";
            }

            // The cleaned image replaces the file first: should recording fail, the next run records it again.
            await using (var cleaned = prepared.OpenRead())
            {
                await files.SaveAsync(path, cleaned, cancellationToken);
            }

            await library.RecordImportAsync(path, prepared, Actor, cancellationToken);
        }

        return null;
    }
}
