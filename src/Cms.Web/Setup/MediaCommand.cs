using System.Diagnostics.CodeAnalysis;
using Cms.Media.Library;

namespace Cms.Web.Setup;

/// <summary>
/// <c>dotnet run --project src/Cms.Web -- media backfill</c>: gives a library record to every file under the media
/// folder that has none, through <see cref="MediaBackfill"/> (the upload's checks). Prints one line per file recorded or
/// skipped and exits with 0, or 1 when a file was skipped, so a script notices. It is a command rather than a start-up
/// step: it decodes every unknown file, which could take minutes on a large archive and must not hold up (or be run by
/// each of) the servers starting on the same database; an operator runs it once after upgrading, or after copying files in.
/// </summary>
public static class MediaCommand
{
    public const int SkippedExitCode = 1;

    public static bool TryParse(string[] args, [NotNullWhen(true)] out string[]? hostArgs) =>
        CommandHost.TryParse(args, "media", "backfill", out hostArgs);

    public static Task<int> RunAsync(string[] hostArgs, CancellationToken cancellationToken = default) =>
        CommandHost.RunAsync(hostArgs, BackfillAsync, cancellationToken);

    private static async Task<int> BackfillAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetRequiredService<Cms.Media.MediaOptions>().StoreKind != Cms.Media.Storage.MediaStoreKind.FileSystem)
        {
            // The backfill looks for files on disk that have no record; a bucket is filled only through the library.
            await Console.Error.WriteLineAsync("Media backfill reads the media folder on disk: it works with Cms:Media:Store = FileSystem only. Run it before moving the files to the bucket.");
            return 1;
        }

        var report = await services.GetRequiredService<MediaBackfill>().RunAsync(cancellationToken);
        foreach (var path in report.Recorded)
        {
            Console.WriteLine($"  recorded  {path}");
        }

        foreach (var skip in report.Skipped)
        {
            Console.WriteLine($"  skipped   {skip.Path}: {skip.Reason}");
        }

        Console.WriteLine($"Media backfill: {report.Recorded.Count} recorded, {report.Skipped.Count} skipped (left as they were), {report.AlreadyRecorded} already in the library.");
        return report.Skipped.Count > 0 ? SkippedExitCode : 0;
    }
}
