namespace Cms.Web.Setup;

/// <summary>Finds a recipe by name in the <c>recipes</c> folder shipped with the host, or by path.</summary>
public static class RecipeLocator
{
    private const string Suffix = ".recipe.json";

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "recipes");

    /// <summary>A name (<c>newsroom</c>) is looked up in the shipped recipes; anything that looks like a file is a path.</summary>
    public static bool IsPath(string nameOrPath) =>
        nameOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || nameOrPath.Contains('/', StringComparison.Ordinal) || nameOrPath.Contains('\\', StringComparison.Ordinal);

    public static string Resolve(string nameOrPath) =>
        IsPath(nameOrPath) ? Path.GetFullPath(nameOrPath) : Path.Combine(Folder, $"{nameOrPath}{Suffix}");

    /// <summary>The names of the shipped recipes, for messages that say what exists.</summary>
    public static IReadOnlyList<string> Names() =>
        Directory.Exists(Folder)
            ? [.. Directory.GetFiles(Folder, $"*{Suffix}").Select(f => Path.GetFileName(f)[..^Suffix.Length]).Order(StringComparer.Ordinal)]
            : [];
}
