namespace Cms.Recipes.Export;

/// <summary>
/// Writes one part of the site as recipe steps, in the shape its recipe step reads back (the step that imports a
/// kind of state is the one that exports it, so the two cannot drift apart). Sources run in <see cref="Order"/>.
/// </summary>
public interface IRecipeExportSource
{
    /// <summary>Where the steps go in the recipe: a step must come after the ones it depends on (see <see cref="RecipeExportOrder"/>).</summary>
    int Order { get; }

    Task ExportAsync(RecipeExportContext context, CancellationToken cancellationToken);
}
