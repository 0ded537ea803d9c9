using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cms.Recipes.Export;

/// <summary>What an export source writes to: the recipe's <c>steps</c> array, and files beside the recipe.</summary>
public sealed class RecipeExportContext(string folder, Utf8JsonWriter steps)
{
    /// <summary>The export folder (absolute); files go under it and are named in steps by paths relative to it.</summary>
    public string Folder { get; } = Normalize(folder);

    /// <summary>The writer, positioned inside the <c>steps</c> array: for a step too large to build in memory (content).</summary>
    public Utf8JsonWriter Steps { get; } = steps;

    public int StepCount { get; private set; }

    public int ItemCount { get; private set; }

    public int FileCount { get; private set; }

    public void WriteStep(JsonObject step)
    {
        step.WriteTo(Steps);
        StepCount++;
    }

    /// <summary>Counts a step written directly with <see cref="Steps"/>, and its items.</summary>
    public void CountStreamedStep(int items)
    {
        StepCount++;
        ItemCount += items;
    }

    /// <summary>Writes <paramref name="content"/> at <paramref name="relativePath"/> (forward slashes, inside the folder) and returns that path.</summary>
    public async Task<string> WriteFileAsync(string relativePath, Stream content, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(Path.Combine(Folder, relativePath.Replace('/', Path.DirectorySeparatorChar)));
        if (Path.IsPathRooted(relativePath) || !full.StartsWith(Folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{relativePath}' would leave the export folder.", nameof(relativePath));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await using (var file = new FileStream(full, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await content.CopyToAsync(file, cancellationToken);
        }

        FileCount++;
        return relativePath;
    }

    private static string Normalize(string folder) => Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar);
}
