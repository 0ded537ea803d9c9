namespace Cms.Recipes;

public sealed record RecipeResult(string Name, int Steps, TimeSpan Elapsed);
