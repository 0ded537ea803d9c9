namespace Cms.Recipes;

/// <summary>A recipe could not run. Names the step, the JSON path and the problem; nothing was applied.</summary>
public sealed class RecipeException : Exception
{
    public RecipeException(int? stepIndex, string path, string problem, Exception? innerException = null)
        : base(stepIndex is { } index ? $"Step {index} at {path}: {problem}" : $"{path}: {problem}", innerException)
    {
        StepIndex = stepIndex;
        JsonPath = path;
        Problem = problem;
    }

    public RecipeException()
        : this(null, "$", "the recipe failed.")
    {
    }

    public RecipeException(string message)
        : this(null, "$", message)
    {
    }

    public RecipeException(string message, Exception innerException)
        : this(null, "$", message, innerException)
    {
    }

    public int? StepIndex { get; }
    public string JsonPath { get; }
    public string Problem { get; }
}
