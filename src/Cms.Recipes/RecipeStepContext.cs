using System.Text.Json.Nodes;

namespace Cms.Recipes;

/// <summary>What a step sees: its JSON (scripts already evaluated), where it is, and where the recipe file lives.</summary>
public sealed class RecipeStepContext
{
    public required JsonObject Step { get; init; }
    public required int Index { get; init; }

    /// <summary>The step's JSON path, e.g. <c>$.steps[2]</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The folder of the recipe file, for steps that read files beside it (media).</summary>
    public required string BaseDirectory { get; init; }

    public RecipeException Error(string relativePath, string problem, Exception? inner = null) =>
        new(Index, relativePath.Length == 0 ? Path : relativePath.StartsWith('$') ? relativePath : $"{Path}.{relativePath}", problem, inner);
}
