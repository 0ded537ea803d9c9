using System.Text.Json.Nodes;
using Cms.Core.Content;
using Cms.Core.Metadata;
using Cms.Recipes.Export;

namespace Cms.Recipes.Steps;

/// <summary><c>ContentDefinition</c>: <c>ContentTypes[]</c> and <c>ContentParts[]</c>, replaced whole by name.</summary>
public sealed class ContentDefinitionStep(IContentDefinitionManager definitions, ContentItemNormalizer normalizer) : IRecipeStep, IRecipeExportSource
{
    public string Name => "ContentDefinition";

    public int Order => RecipeExportOrder.ContentDefinition;

    public async Task ExportAsync(RecipeExportContext context, CancellationToken cancellationToken)
    {
        var step = new JsonObject { ["name"] = Name };
        foreach (var (key, value) in Comparable(await definitions.GetAsync(cancellationToken)))
        {
            step[key] = value?.DeepClone();
        }

        context.WriteStep(step);
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var current = await definitions.GetAsync(cancellationToken);
        var updated = ContentDefinitionJson.Apply(current, context.Step, normalizer.FieldKindNames, context.Path);
        if (!JsonNode.DeepEquals(Comparable(current), Comparable(updated)))
        {
            await definitions.SaveAsync(updated, cancellationToken);
        }
    }

    private static JsonObject Comparable(ContentDefinitionSet set)
    {
        var json = ContentDefinitionJson.ToJson(set);
        json.Remove("Serial");
        return json;
    }
}
