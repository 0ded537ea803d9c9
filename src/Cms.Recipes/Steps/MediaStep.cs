using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Core.Fields;
using Cms.Core.Media;
using Cms.Core.Storage;

namespace Cms.Recipes.Steps;

/// <summary>
/// <c>Media</c>: <c>Files[]</c> of <c>{ TargetPath, SourcePath | Base64 }</c>. Sources are checked to be real
/// images (by content) before anything is written; files are copied only once the recipe commits.
/// </summary>
public sealed class MediaStep(IMediaFileStore media, IUnitOfWork unitOfWork) : IRecipeStep
{
    public const int MaxFileBytes = 30_000_000;

    public string Name => "Media";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        if (context.Step["Files"] is not JsonArray files)
        {
            throw context.Error("Files", "the Media step needs a 'Files' array.");
        }

        var baseDirectory = Path.GetFullPath(context.BaseDirectory);
        var pending = new List<(string Target, byte[] Bytes)>();
        for (var i = 0; i < files.Count; i++)
        {
            var at = $"Files[{i}]";
            if (files[i] is not JsonObject file)
            {
                throw context.Error(at, "must be an object.");
            }

            var target = Text(file, "TargetPath") ?? Text(file, "Path");
            if (target is null || !MediaFieldKind.IsSafeMediaPath(target))
            {
                throw context.Error($"{at}.TargetPath", "must be a relative media path without '..', e.g. 'covers/harbour.jpg'.");
            }

            byte[] bytes;
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

                bytes = await File.ReadAllBytesAsync(full, cancellationToken);
            }
            else if (Text(file, "Base64") is { } base64)
            {
                try
                {
                    bytes = Convert.FromBase64String(base64);
                }
                catch (FormatException)
                {
                    throw context.Error($"{at}.Base64", "is not valid base64.");
                }
            }
            else
            {
                throw context.Error(at, "needs a 'SourcePath' or 'Base64'.");
            }

            var format = ImageSignature.Detect(bytes.AsSpan(0, Math.Min(bytes.Length, 16)));
            if (format is null || !ImageSignature.ExtensionMatches(target, format))
            {
                throw context.Error(at, $"'{target}' is not a JPEG, PNG, GIF or WebP image matching its extension.");
            }

            pending.Add((target, bytes));
        }

        unitOfWork.OnCommitted(async () =>
        {
            foreach (var (target, bytes) in pending)
            {
                await using var stream = new MemoryStream(bytes, writable: false);
                await media.SaveAsync(target, stream, CancellationToken.None);
            }
        });
    }

    private static string? Text(JsonObject file, string name) =>
        file[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
