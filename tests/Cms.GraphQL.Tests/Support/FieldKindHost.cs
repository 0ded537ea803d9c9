using Cms.Core.Fields;
using Cms.GraphQL.Schema.Fields;
using Cms.GraphQL.Tests.FieldKinds;
using Cms.Recipes;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.GraphQL.Tests.Support;

/// <summary>
/// A host with two field kinds added by DI only, as a module would: <see cref="RatingFieldKind"/> with its GraphQL
/// shape, <see cref="MoodFieldKind"/> without one; seeded with Recipes/field-kind-test.recipe.json (a Review type).
/// </summary>
public sealed class FieldKindHost()
    : GraphQLHost(factory => factory.WithServices(services =>
    {
        services.AddSingleton<IContentFieldKind, RatingFieldKind>();
        services.AddSingleton<IContentFieldKind, MoodFieldKind>();
        services.AddGraphQLFieldKind(GraphQLFieldKind.ForScalar("RatingField", typeof(IntGraphType), v => v?["Stars"]?.GetValue<int>()));
    }))
{
    protected override bool Seed => false;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RecipeExecutor>()
            .ExecuteFileAsync(Path.Combine(AppContext.BaseDirectory, "Recipes", "field-kind-test.recipe.json"), new RecipeParameters());
    }
}
