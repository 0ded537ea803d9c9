using System.Text.Json.Nodes;
using Cms.Core.Content;
using Microsoft.Extensions.Logging;

namespace Cms.Recipes.Steps;

/// <summary>
/// <c>Content</c>: <c>Data[]</c> holds items in Orchard Core's JSON shape. Items are matched by ContentItemId:
/// a new id creates the item, a changed one gets a new version, an unchanged one is left alone.
/// </summary>
public sealed class ContentStep(IContentManager contentManager, ILogger<ContentStep> logger) : IRecipeStep
{
    public string Name => "Content";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        if (context.Step["Data"] is not JsonArray data)
        {
            throw context.Error("Data", "the Content step needs a 'Data' array of content items.");
        }

        var counts = new Dictionary<ImportOutcome, int>();
        for (var i = 0; i < data.Count; i++)
        {
            var path = $"{context.Path}.Data[{i}]";
            if (data[i] is not JsonObject json)
            {
                throw context.Error($"Data[{i}]", "a content item must be an object.");
            }

            var item = ContentItemJson.FromJson(json, path);
            if (string.IsNullOrEmpty(item.ContentType))
            {
                throw context.Error($"Data[{i}].ContentType", "is required.");
            }

            var outcome = await contentManager.ImportAsync(item, path, cancellationToken);
            counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
        }

        logger.LogInformation(
            "Content step: {Created} created, {Updated} updated, {Unchanged} unchanged",
            counts.GetValueOrDefault(ImportOutcome.Created),
            counts.GetValueOrDefault(ImportOutcome.Updated),
            counts.GetValueOrDefault(ImportOutcome.Unchanged));
    }
}
