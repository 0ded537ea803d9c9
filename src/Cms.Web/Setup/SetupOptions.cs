namespace Cms.Web.Setup;

/// <summary>The <c>Cms:Setup</c> section: what the first start creates.</summary>
public sealed class SetupOptions
{
    /// <summary>A recipe name from the <c>recipes</c> folder (<c>newsroom</c>) or a path to a recipe file.</summary>
    public string Recipe { get; set; } = "newsroom";

    /// <summary>Loads <c>recipes/sample-content.recipe.json</c> after the setup recipe.</summary>
    public bool SampleContent { get; set; }

    public string AdminUserName { get; set; } = "admin";
    public string AdminEmail { get; set; } = "admin@example.com";

    /// <summary>When empty, a strong password is generated and printed once on the console.</summary>
    public string? AdminPassword { get; set; }
}
