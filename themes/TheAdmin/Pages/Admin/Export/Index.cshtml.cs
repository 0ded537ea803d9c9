using System.IO.Compression;
using Cms.Core.Media;
using Cms.Core.Security;
using Cms.Recipes.Export;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cms.Admin.Pages.Admin.Export;

/// <summary>
/// Export: the whole site as a zip of the recipe folder that <c>recipe export</c> writes (the same
/// <see cref="SiteExporter"/>). Needs <c>ExportSite</c> (Administrators hold it), checked before any handler runs.
/// </summary>
[Authorize(Policy = Permissions.ExportSite)]
public sealed class IndexModel(SiteExporter exporter, TimeProvider clock) : AdminPageModel
{
    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var work = Path.Combine(Path.GetTempPath(), "cms-export", Guid.NewGuid().ToString("N"));
        var folder = Path.Combine(work, "site");
        try
        {
            await exporter.ExportAsync(folder, cancellationToken);
            var zip = new FileStream(Path.Combine(work, "site.zip"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            try
            {
                await ZipFile.CreateFromDirectoryAsync(folder, zip, CompressionLevel.Optimal, includeBaseDirectory: false, cancellationToken);
                zip.Position = 0;
            }
            catch
            {
                await zip.DisposeAsync();
                throw;
            }

            return File(zip, "application/zip", $"site-export-{clock.GetUtcNow().UtcDateTime:yyyyMMdd-HHmm}.zip");
        }
        catch (MediaRejectedException e)
        {
            Error = e.Message;
            return Page();
        }
        finally
        {
            // The zip stays open (and is deleted when the response has sent it); the folder is not needed any more.
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
