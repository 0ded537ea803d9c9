using System.Text.Json.Nodes;

namespace Cms.Recipes;

/// <summary>What a step sees: its JSON (scripts already evaluated), its items, where it is, and where the recipe file lives.</summary>
public sealed class RecipeStepContext
{
    /// <summary>The step's properties; for a step with <see cref="IRecipeStep.ItemsProperty"/>, those before its items array.</summary>
    public required JsonObject Step { get; init; }

    /// <summary>The elements of the step's <see cref="IRecipeStep.ItemsProperty"/> array, read from the file as they are enumerated (once); null when the step has no such array.</summary>
    public IAsyncEnumerable<RecipeItem>? Items { get; init; }

    /// <summary>How many elements <see cref="Items"/> holds.</summary>
    public int ItemCount { get; init; }

    public required int Index { get; init; }

    /// <summary>The step's JSON path, e.g. <c>$.steps[2]</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The folder of the recipe file, for steps that read files beside it (media).</summary>
    public required string BaseDirectory { get; init; }

    public RecipeException Error(string relativePath, string problem, Exception? inner = null) =>
        new(Index, relativePath.Length == 0 ? Path : relativePath.StartsWith('$') ? relativePath : $"{Path}.{relativePath}", problem, inner);
}
