using System.Text.Json.Nodes;
using Cms.Core.Content;
using Cms.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Cms.Recipes.Steps;

/// <summary>
/// <c>Content</c>: <c>Data[]</c> holds items in Orchard Core's JSON shape, read one at a time from the file. Items are
/// matched by ContentItemId: a new id creates the item, a changed one gets a new version, an unchanged one is left alone.
/// </summary>
public sealed class ContentStep(IContentManager contentManager, IUnitOfWork unitOfWork, ILogger<ContentStep> logger) : IRecipeStep
{
    public string Name => "Content";

    public string? ItemsProperty => "Data";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        if (context.Items is not { } items)
        {
            throw context.Error("Data", "the Content step needs a 'Data' array of content items.");
        }

        var counts = new Dictionary<ImportOutcome, int>();
        await foreach (var entry in items.WithCancellation(cancellationToken))
        {
            if (entry.Json is not JsonObject json)
            {
                throw context.Error(entry.Path, "a content item must be an object.");
            }

            var item = ContentItemJson.FromJson(json, entry.Path);
            if (string.IsNullOrEmpty(item.ContentType))
            {
                throw context.Error($"{entry.Path}.ContentType", "is required.");
            }

            var outcome = await contentManager.ImportAsync(item, entry.Path, cancellationToken);
            counts[outcome] = counts.GetValueOrDefault(outcome) + 1;

            // Each import is saved whole; what it loaded is not needed again, and keeping it would make every later
            // save of this one long transaction slower (the session would compare ever more records).
            unitOfWork.ForgetSavedContent();
        }

        logger.LogInformation(
            "Content step: {Created} created, {Updated} updated, {Unchanged} unchanged",
            counts.GetValueOrDefault(ImportOutcome.Created),
            counts.GetValueOrDefault(ImportOutcome.Updated),
            counts.GetValueOrDefault(ImportOutcome.Unchanged));
    }
}
