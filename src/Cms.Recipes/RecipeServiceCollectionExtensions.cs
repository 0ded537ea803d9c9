using Cms.Recipes.Steps;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Recipes;

public static class RecipeServiceCollectionExtensions
{
    /// <summary>The recipe executor and the built-in steps. Other capabilities add theirs with <see cref="AddRecipeStep{T}"/>.</summary>
    public static IServiceCollection AddCmsRecipes(this IServiceCollection services)
    {
        services.AddScoped<RecipeExecutor>();
        services.AddScoped<Export.SiteExporter>();
        services.AddRecipeStep<ContentDefinitionStep>();
        services.AddRecipeStep<ContentStep>();
        services.AddRecipeStep<SettingsStep>();
        services.AddRecipeStep<ReplaceContentReferencesStep>();
        services.AddRecipeStep<DeleteContentStep>();
        return services;
    }

    public static IServiceCollection AddRecipeStep<T>(this IServiceCollection services)
        where T : class, IRecipeStep
    {
        services.AddScoped<IRecipeStep, T>();
        if (typeof(Export.IRecipeExportSource).IsAssignableFrom(typeof(T)))
        {
            // A step that exports its kind of state is also an export source (the same class reads and writes the shape).
            services.AddScoped(typeof(Export.IRecipeExportSource), typeof(T));
        }

        return services;
    }
}
