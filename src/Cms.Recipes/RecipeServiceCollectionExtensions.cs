using Cms.Recipes.Steps;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Recipes;

public static class RecipeServiceCollectionExtensions
{
    /// <summary>The recipe executor and the built-in steps. Other capabilities add theirs with <see cref="AddRecipeStep{T}"/>.</summary>
    public static IServiceCollection AddCmsRecipes(this IServiceCollection services)
    {
        services.AddScoped<RecipeExecutor>();
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
        return services;
    }
}
