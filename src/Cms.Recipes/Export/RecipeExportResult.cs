namespace Cms.Recipes.Export;

/// <summary>What <see cref="SiteExporter"/> wrote: the recipe file, its steps, its content items and the files beside it.</summary>
public sealed record RecipeExportResult(string RecipeFile, int Steps, int Items, int Files);
