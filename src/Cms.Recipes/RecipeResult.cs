namespace Cms.Recipes;

/// <summary>What a recipe did: its name, how many steps ran, how many items its steps read, and how long it took.</summary>
public sealed record RecipeResult(string Name, int Steps, TimeSpan Elapsed, int Items);
