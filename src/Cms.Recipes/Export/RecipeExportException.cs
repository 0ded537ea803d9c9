namespace Cms.Recipes.Export;

/// <summary>An export that cannot be written (the folder is not empty); the message says what to change.</summary>
public sealed class RecipeExportException(string message) : Exception(message);
