namespace Cms.Recipes.Export;

/// <summary>The order of the exported steps: definitions before what names types, media before the content that shows it.</summary>
public static class RecipeExportOrder
{
    public const int Settings = 100;
    public const int ContentDefinition = 200;
    public const int Workflow = 300;
    public const int Roles = 400;
    public const int OpenIdApplications = 500;
    public const int MediaProfiles = 600;
    public const int Media = 700;
    public const int Content = 800;
}
