using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Core.Fields;
using Cms.Core.Media;
using Cms.Core.Storage;
using Cms.Media.Library;
using Cms.Recipes;
using Cms.Recipes.Export;

namespace Cms.Media.Recipes;

/// <summary>
/// <c>Media</c>: <c>Files[]</c> of <c>{ TargetPath, SourcePath | Base64, AltText, Caption, Credit, FocalPoint: { X, Y },
/// Crops: { card: { X, Y, Width, Height } } }</c> (the texts, focal point and crops are optional and go through the
/// library's own update rules). Each file goes through the same preparation as an upload (content-checked by the
/// image gate, turned upright, metadata stripped) and gets its library record in the recipe's transaction; the files
/// are written only once the recipe commits. A <c>SourcePath</c> must stay inside the recipe's folder (no <c>..</c>,
/// no absolute path, no symbolic link leading out). Exported, every library file is copied to <c>media/{path}</c>
/// beside the recipe with its texts, focal point and crops.
/// </summary>
public sealed class MediaStep(ImagePreparer preparer, MediaLibrary library, IUnitOfWork unitOfWork, IMediaFileStore media) : IRecipeStep, IRecipeExportSource
{
    public const int MaxFileBytes = 30_000_000;
    public const string Actor = "recipe";

    /// <summary>The folder of an export that holds the media files.</summary>
    public const string ExportFolder = "media";

    public string Name => "Media";

    public int Order => RecipeExportOrder.Media;

    public async Task ExportAsync(RecipeExportContext context, CancellationToken cancellationToken)
    {
        var files = new JsonArray();
        await foreach (var item in library.ListAllAsync(cancellationToken))
        {
            await using var content = await media.OpenReadAsync(item.Path, cancellationToken)
                ?? throw new MediaRejectedException($"The file of '{item.Path}' is missing from the media store, so the export would be incomplete: restore it, or delete it from the library.", 409);
            var source = await context.WriteFileAsync($"{ExportFolder}/{item.Path}", content, cancellationToken);
            var entry = new JsonObject { ["TargetPath"] = item.Path, ["SourcePath"] = source };
            if (item.AltText is not null)
            {
                entry["AltText"] = item.AltText;
            }

            if (item.Caption is not null)
            {
                entry["Caption"] = item.Caption;
            }

            if (item.Credit is not null)
            {
                entry["Credit"] = item.Credit;
            }

            entry["FocalPoint"] = new JsonObject { ["X"] = item.FocalPoint.X, ["Y"] = item.FocalPoint.Y };
            if (item.Crops.Count > 0)
            {
                var crops = new JsonObject();
                foreach (var (profile, crop) in item.Crops.OrderBy(c => c.Key, StringComparer.Ordinal))
                {
                    crops[profile] = new JsonObject { ["X"] = crop.X, ["Y"] = crop.Y, ["Width"] = crop.Width, ["Height"] = crop.Height };
                }

                entry["Crops"] = crops;
            }

            files.Add(entry);
        }

        context.WriteStep(new JsonObject { ["name"] = Name, ["Files"] = files });
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        if (context.Step["Files"] is not JsonArray files)
        {
            throw context.Error("Files", "the Media step needs a 'Files' array.");
        }

        var baseDirectory = Path.GetFullPath(context.BaseDirectory);
        var pending = new List<(string Target, PreparedImage Image)>();
        try
        {
            await PrepareAllAsync(context, files, baseDirectory, pending, cancellationToken);
        }
        catch
        {
            foreach (var (_, image) in pending)
            {
                await image.DisposeAsync();
            }

            throw;
        }

        unitOfWork.OnCommitted(async () =>
        {
            foreach (var (target, image) in pending)
            {
                await using (var stream = image.OpenRead())
                {
                    await media.SaveAsync(target, stream, CancellationToken.None);
                }

                await image.DisposeAsync();
            }
        });
        unitOfWork.OnRolledBack(() =>
        {
            foreach (var (_, image) in pending)
            {
                image.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        });
    }

    private async Task PrepareAllAsync(RecipeStepContext context, JsonArray files, string baseDirectory, List<(string Target, PreparedImage Image)> pending, CancellationToken cancellationToken)
    {
        for (var i = 0; i < files.Count; i++)
        {
            var at = $"Files[{i}]";
            if (files[i] is not JsonObject file)
            {
                throw context.Error(at, "must be an object.");
            }

            var target = Text(file, "TargetPath") ?? Text(file, "Path");
            if (target is null || !MediaFieldKind.IsSafeMediaPath(target) || target.Length > Data.CmsDbContext.IndexedTextLength)
            {
                throw context.Error($"{at}.TargetPath", "must be a relative media path without '..', e.g. 'covers/harbour.jpg'.");
            }

            await using var source = await OpenSourceAsync(context, file, at, baseDirectory, cancellationToken);
            PreparedImage prepared;
            try
            {
                prepared = await preparer.PrepareAsync(source, cancellationToken);
            }
            catch (MediaRejectedException e)
            {
                throw context.Error(at, $"'{target}' was refused: {e.Message}");
            }

            pending.Add((target, prepared));
            if (!prepared.Format.MatchesExtension(target))
            {
                throw context.Error(at, $"'{target}' is not a JPEG, PNG, GIF or WebP image matching its extension (its content is {prepared.Format.Name.ToUpperInvariant()}).");
            }

            var record = await library.RecordImportAsync(target, prepared, Actor, cancellationToken);
            if (ReadDescription(context, file, at) is { } description)
            {
                try
                {
                    await library.UpdateAsync(record.Id, description, cancellationToken: cancellationToken);
                }
                catch (MediaRejectedException e)
                {
                    throw context.Error(at, $"'{target}': {e.Message}");
                }
            }
        }
    }

    /// <summary>The optional texts, focal point and crops of a file entry; null when it has none.</summary>
    private static MediaUpdate? ReadDescription(RecipeStepContext context, JsonObject file, string at)
    {
        FocalPoint? focal = null;
        if (file["FocalPoint"] is { } focalNode)
        {
            focal = focalNode is JsonObject point && Number(point, "X") is { } x && Number(point, "Y") is { } y
                ? new FocalPoint(x, y)
                : throw context.Error($"{at}.FocalPoint", "must be { \"X\": 0-1, \"Y\": 0-1 }.");
        }

        Dictionary<string, CropRectangle>? crops = null;
        if (file["Crops"] is { } cropsNode)
        {
            if (cropsNode is not JsonObject byProfile)
            {
                throw context.Error($"{at}.Crops", "must be an object of crops by profile name.");
            }

            crops = new Dictionary<string, CropRectangle>(StringComparer.Ordinal);
            foreach (var (profile, value) in byProfile)
            {
                crops[profile] = value is JsonObject c && Number(c, "X") is { } x && Number(c, "Y") is { } y && Number(c, "Width") is { } w && Number(c, "Height") is { } h
                    ? new CropRectangle(x, y, w, h)
                    : throw context.Error($"{at}.Crops.{profile}", "must be { X, Y, Width, Height } as fractions of the image.");
            }
        }

        var altText = Text(file, "AltText");
        var caption = Text(file, "Caption");
        var credit = Text(file, "Credit");
        return altText is null && caption is null && credit is null && focal is null && crops is null
            ? null
            : new MediaUpdate { AltText = altText, Caption = caption, Credit = credit, FocalPoint = focal, Crops = crops };
    }

    private static double? Number(JsonObject o, string name) =>
        o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<double>() : null;

    private static async Task<Stream> OpenSourceAsync(RecipeStepContext context, JsonObject file, string at, string baseDirectory, CancellationToken cancellationToken)
    {
        if (Text(file, "SourcePath") is { } source)
        {
            if (Path.IsPathRooted(source))
            {
                throw context.Error($"{at}.SourcePath", $"'{source}' is an absolute path: a recipe names its files relative to its own folder.");
            }

            var full = Path.GetFullPath(Path.Combine(baseDirectory, source));
            // The real path counts: a symbolic link (to the file or a folder on the way) must not lead outside.
            if (!full.StartsWith(baseDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !RecipePaths.IsInside(full, baseDirectory))
            {
                throw context.Error($"{at}.SourcePath", $"'{source}' leaves the recipe's folder (through '..' or a symbolic link): a recipe may only read files inside its own folder.");
            }

            if (!File.Exists(full))
            {
                throw context.Error($"{at}.SourcePath", $"the file '{source}' does not exist beside the recipe.");
            }

            if (new FileInfo(full).Length > MaxFileBytes)
            {
                throw context.Error($"{at}.SourcePath", $"is larger than {MaxFileBytes} bytes.");
            }

            return new MemoryStream(await File.ReadAllBytesAsync(full, cancellationToken), writable: false);
        }

        if (Text(file, "Base64") is { } base64)
        {
            try
            {
                return new MemoryStream(Convert.FromBase64String(base64), writable: false);
            }
            catch (FormatException)
            {
                throw context.Error($"{at}.Base64", "is not valid base64.");
            }
        }

        throw context.Error(at, "needs a 'SourcePath' or 'Base64'.");
    }

    private static string? Text(JsonObject file, string name) =>
        file[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
