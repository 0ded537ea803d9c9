using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Core.Content;
using Microsoft.Extensions.Logging;

namespace Cms.Recipes.Steps;

/// <summary>
/// <c>DeleteContent</c>: <c>{ "ContentItemIds": ["sec-climate", "sec-ecology"] }</c>. Each item is deleted through the
/// content manager (removed from every listing, unpublished; its versions stay in history; audited, with events). An
/// item that is already deleted, or was never there, is skipped, so the step can run again. An item still pointed at
/// by another item's published or latest version is refused, naming who points at it: move those references first
/// (<c>ReplaceContentReferences</c>), so no page is left with a link to nothing.
/// </summary>
public sealed class DeleteContentStep(IContentManager content, ContentReferences references, ILogger<DeleteContentStep> logger) : IRecipeStep
{
    public const int MaxItems = 1000;

    public string Name => "DeleteContent";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        foreach (var (key, value) in context.Step)
        {
            if (key.Equals("name", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!key.Equals("ContentItemIds", StringComparison.OrdinalIgnoreCase))
            {
                throw context.Error(key, $"unknown property '{key}'; this step takes ContentItemIds.");
            }

            if (value is not JsonArray array || array.Count is 0 or > MaxItems)
            {
                throw context.Error(key, $"must be an array of 1 to {MaxItems} content item ids.");
            }

            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is not JsonValue v || v.GetValueKind() != JsonValueKind.String || v.GetValue<string>().Trim() is not { Length: > 0 } id)
                {
                    throw context.Error($"{key}[{i}]", "must be a non-empty string.");
                }

                ids.Add(id);
            }
        }

        if (ids.Count == 0)
        {
            throw context.Error("ContentItemIds", "is required: the ids of the items to delete.");
        }

        var referrers = (await references.FindAsync(ids, cancellationToken: cancellationToken))
            .Where(r => !ids.Contains(r.ContentItemId, StringComparer.Ordinal))
            .ToList();
        if (referrers.Count > 0)
        {
            var named = string.Join("; ", referrers.Take(5).Select(r => $"{r.ContentType} '{r.ContentItemId}' ({r.PartName}.{r.FieldName})"));
            var more = referrers.Count > 5 ? $" and {referrers.Count - 5} more" : "";
            throw context.Error("ContentItemIds", $"still pointed at by {named}{more}; move those references first (a ReplaceContentReferences step before this one).");
        }

        var deleted = 0;
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (await content.GetAsync(id, VersionOptions.Latest, cancellationToken) is null)
            {
                logger.LogInformation("DeleteContent: {ContentItemId} is not there (already deleted, or never created); skipped", id);
                continue;
            }

            await content.DeleteAsync(id, cancellationToken);
            deleted++;
        }

        logger.LogInformation("DeleteContent: {Deleted} of {Count} items deleted", deleted, ids.Count);
    }
}
