using System.Data.Common;
using System.Text.Json.Nodes;
using Cms.Core.Content;
using Cms.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Cms.Recipes.Steps;

/// <summary>
/// <c>Content</c>: <c>Data[]</c> holds items in Orchard Core's JSON shape, read one at a time from the file. Items are
/// matched by ContentItemId: a new id creates the item, a changed one gets a new version, an unchanged one is left alone.
/// Each item goes through <see cref="IContentManager.ImportAsync"/> (the same checks as a save from the API or the
/// editor); the step only decides how often the session writes: <see cref="ItemsPerWrite"/> items at a time
/// (<see cref="IUnitOfWork.DeferSaves"/>), then it forgets them. The recipe is still all or nothing: a bad item stops
/// the run with its path, and the recipe's transaction rolls back every item before it, written or not.
/// </summary>
public sealed class ContentStep(IContentManager contentManager, IUnitOfWork unitOfWork, ILogger<ContentStep> logger) : IRecipeStep
{
    /// <summary>How many items are written in one round of statements (one SaveChanges).</summary>
    public const int ItemsPerWrite = 250;

    public string Name => "Content";

    public string? ItemsProperty => "Data";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        if (context.Items is not { } items)
        {
            throw context.Error("Data", "the Content step needs a 'Data' array of content items.");
        }

        var counts = new Dictionary<ImportOutcome, int>();
        var firstUnwritten = 0;
        var next = 0;
        using (unitOfWork.DeferSaves())
        {
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

                ImportOutcome outcome;
                try
                {
                    outcome = await contentManager.ImportAsync(item, entry.Path, cancellationToken);
                }
                catch (Exception ex) when (ex.GetBaseException() is DbException)
                {
                    // A lookup wrote the items before this one first (see IUnitOfWork.DeferSaves).
                    throw WriteFailed(context, firstUnwritten, entry.Index, ex);
                }

                counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
                next = entry.Index + 1;
                if (next - firstUnwritten >= ItemsPerWrite)
                {
                    await WriteAsync(context, firstUnwritten, next, cancellationToken);
                    firstUnwritten = next;
                }
            }

            await WriteAsync(context, firstUnwritten, next, cancellationToken);
        }

        logger.LogInformation(
            "Content step: {Created} created, {Updated} updated, {Unchanged} unchanged",
            counts.GetValueOrDefault(ImportOutcome.Created),
            counts.GetValueOrDefault(ImportOutcome.Updated),
            counts.GetValueOrDefault(ImportOutcome.Unchanged));
    }

    /// <summary>Writes the items from <paramref name="first"/> up to <paramref name="end"/>, then forgets them: what a batch loaded is not needed again.</summary>
    private async Task WriteAsync(RecipeStepContext context, int first, int end, CancellationToken cancellationToken)
    {
        try
        {
            await unitOfWork.FlushAsync(cancellationToken);
        }
        catch (Exception ex) when (ex.GetBaseException() is DbException)
        {
            throw WriteFailed(context, first, end - 1, ex);
        }

        // Keeping them would make every later write of this one long transaction slower (the session would compare ever
        // more records) and the memory grow with the recipe.
        unitOfWork.ForgetSavedContent();
    }

    private static RecipeException WriteFailed(RecipeStepContext context, int first, int last, Exception ex) =>
        context.Error($"Data[{first}:{last + 1}]", $"the database refused to write items {first} to {last}: {ex.GetBaseException().Message}", ex);
}
