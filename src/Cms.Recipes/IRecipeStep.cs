namespace Cms.Recipes;

/// <summary>One kind of recipe step, found by its <see cref="Name"/> (case-insensitive).</summary>
public interface IRecipeStep
{
    string Name { get; }

    /// <summary>
    /// The array property whose elements the step reads one at a time through <see cref="RecipeStepContext.Items"/>
    /// (streamed from the file, so it can be of any length) instead of in <see cref="RecipeStepContext.Step"/>; null
    /// when the step reads its JSON whole.
    /// </summary>
    string? ItemsProperty => null;

    Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken);
}
