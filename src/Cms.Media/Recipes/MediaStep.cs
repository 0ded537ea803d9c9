using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Core.Fields;
using Cms.Core.Media;
using Cms.Core.Storage;
using Cms.Media.Library;
using Cms.Recipes;

namespace Cms.Media.Recipes;

/// <summary>
/// <c>Media</c>: <c>Files[]</c> of <c>{ TargetPath, SourcePath | Base64 }</c>. Each file goes through the same
/// preparation as an upload (content-checked by the image gate, turned upright, metadata stripped) and gets its
/// library record in the recipe's transaction; the files are written only once the recipe commits.
/// </summary>
public sealed class MediaStep(ImagePreparer preparer, MediaLibrary library, IUnitOfWork unitOfWork, IMediaFileStore media) : IRecipeStep
{
    public const int MaxFileBytes = 30_000_000;
    public const string Actor = "recipe";

    public string Name => "Media";

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

            await library.RecordImportAsync(target, prepared, Actor, cancellationToken);
        }
    }

    private static async Task<Stream> OpenSourceAsync(RecipeStepContext context, JsonObject file, string at, string baseDirectory, CancellationToken cancellationToken)
    {
        if (Text(file, "SourcePath") is { } source)
        {
            var full = Path.GetFullPath(Path.Combine(baseDirectory, source));
            // The real path counts: a symbolic link (to the file or a folder on the way) must not lead outside.
            if (!full.StartsWith(baseDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !RecipePaths.IsInside(full, baseDirectory))
            {
                throw context.Error($"{at}.SourcePath", "must stay inside the recipe's folder.");
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
