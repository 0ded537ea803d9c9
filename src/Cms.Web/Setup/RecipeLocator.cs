namespace Cms.Web.Setup;

/// <summary>Finds a recipe by name in the <c>recipes</c> folder shipped with the host, or by path.</summary>
public static class RecipeLocator
{
    public static string Resolve(string nameOrPath)
    {
        if (nameOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || nameOrPath.Contains('/', StringComparison.Ordinal) || nameOrPath.Contains('\\', StringComparison.Ordinal))
        {
            return Path.GetFullPath(nameOrPath);
        }

        return Path.Combine(AppContext.BaseDirectory, "recipes", $"{nameOrPath}.recipe.json");
    }
}
