namespace Cms.Recipes;

/// <summary>Values for <c>[js: parameters('AdminUserId')]</c> and friends.</summary>
public sealed class RecipeParameters : Dictionary<string, string>
{
    public RecipeParameters()
        : base(StringComparer.OrdinalIgnoreCase)
    {
    }
}
