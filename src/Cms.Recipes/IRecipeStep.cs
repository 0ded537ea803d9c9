namespace Cms.Recipes;

/// <summary>One kind of recipe step, found by its <see cref="Name"/> (case-insensitive).</summary>
public interface IRecipeStep
{
    string Name { get; }

    Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken);
}
