using System.Text.Json;
using Cms.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Cms.Recipes.Export;

/// <summary>
/// Writes the whole site as a recipe folder: <c>site.recipe.json</c> with a step per kind of state (from every
/// <see cref="IRecipeExportSource"/>, in order) and the media files beside it. Running that recipe on an empty
/// instance (<c>recipe run {folder}/site.recipe.json</c>) rebuilds the site through the ordinary recipe steps.
/// </summary>
public sealed class SiteExporter(IEnumerable<IRecipeExportSource> sources, IUnitOfWork unitOfWork, TimeProvider clock, ILogger<SiteExporter> logger)
{
    public const string RecipeFileName = "site.recipe.json";

    /// <summary>Exports into <paramref name="folder"/>, which must not exist or be empty (an export never mixes with other files).</summary>
    public async Task<RecipeExportResult> ExportAsync(string folder, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(folder);
        if (File.Exists(full) || (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any()))
        {
            throw new RecipeExportException($"The export folder '{full}' is not empty: choose a new or empty folder.");
        }

        Directory.CreateDirectory(full);
        var recipeFile = Path.Combine(full, RecipeFileName);
        RecipeExportContext context;
        await using (var transaction = await unitOfWork.BeginAsync(cancellationToken))
        await using (var file = new FileStream(recipeFile, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        await using (var writer = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("name", "site-export");
            writer.WriteString("displayName", "Site export");
            writer.WriteString("description", $"The whole site as exported on {clock.GetUtcNow().UtcDateTime:yyyy-MM-dd HH:mm} UTC. Apply it to an empty instance with: recipe run {RecipeFileName} (secrets of API clients as --param ClientSecret_<client id>=...).");
            writer.WriteStartArray("steps");
            context = new RecipeExportContext(full, writer);
            foreach (var source in sources.OrderBy(s => s.Order))
            {
                await source.ExportAsync(context, cancellationToken);
                await writer.FlushAsync(cancellationToken);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            await writer.FlushAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        logger.LogInformation("Exported the site to {Folder}: {Steps} steps, {Items} content items, {Files} files", full, context.StepCount, context.ItemCount, context.FileCount);
        return new RecipeExportResult(recipeFile, context.StepCount, context.ItemCount, context.FileCount);
    }
}
