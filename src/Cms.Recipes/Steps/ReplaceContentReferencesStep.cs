using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Core.Content;
using Cms.Core.Metadata;
using Microsoft.Extensions.Logging;

namespace Cms.Recipes.Steps;

/// <summary>
/// <c>ReplaceContentReferences</c>: <c>{ "From": ["sec-climate", "sec-ecology"], "To": "sec-climate-and-ecology",
/// "ContentTypes": ["Article"] }</c>. Every content picker field that points at an item of <c>From</c> points at
/// <c>To</c> instead, in the published and the latest version of each item (new versions through the content manager,
/// so history, audit trail and events are as for any save; see <see cref="IContentManager.ReviseAsync"/>).
/// <c>ContentTypes</c> (optional) limits it to items of those types. <c>To</c> must exist and be of a type each changed
/// field allows. Running it again finds nothing to change.
/// </summary>
public sealed class ReplaceContentReferencesStep(ContentReferences references, IContentDefinitionManager definitions, ILogger<ReplaceContentReferencesStep> logger) : IRecipeStep
{
    public const int MaxFrom = 100;

    public string Name => "ReplaceContentReferences";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        List<string>? from = null;
        string? to = null;
        List<string>? types = null;
        foreach (var (key, value) in context.Step)
        {
            if (key.Equals("name", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (key.Equals("From", StringComparison.OrdinalIgnoreCase))
            {
                from = Ids(context, key, value);
                if (from.Count is 0 or > MaxFrom)
                {
                    throw context.Error(key, $"must list 1 to {MaxFrom} content item ids.");
                }
            }
            else if (key.Equals("To", StringComparison.OrdinalIgnoreCase))
            {
                to = value is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Trim() is { Length: > 0 } id
                    ? id
                    : throw context.Error(key, "must be a content item id.");
            }
            else if (key.Equals("ContentTypes", StringComparison.OrdinalIgnoreCase))
            {
                types = Ids(context, key, value);
                var set = await definitions.GetAsync(cancellationToken);
                if (types.FirstOrDefault(t => set.FindType(t) is null) is { } unknown)
                {
                    throw context.Error(key, $"unknown content type '{unknown}'.");
                }
            }
            else
            {
                throw context.Error(key, $"unknown property '{key}'; this step takes From, To and ContentTypes.");
            }
        }

        if (from is null)
        {
            throw context.Error("From", "is required: the ids of the items whose references move.");
        }

        if (to is null)
        {
            throw context.Error("To", "is required: the id of the item the references move to.");
        }

        var changed = await references.ReplaceAsync(from, to, $"References to {string.Join(", ", from)} moved to {to} (recipe step {Name})", types, cancellationToken);
        logger.LogInformation("ReplaceContentReferences: {Count} items now point at {To} instead of {From}", changed.Count, to, string.Join(", ", from));
    }

    private static List<string> Ids(RecipeStepContext context, string key, JsonNode? value)
    {
        if (value is not JsonArray array)
        {
            throw context.Error(key, "must be an array of strings.");
        }

        var ids = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonValue v || v.GetValueKind() != JsonValueKind.String || v.GetValue<string>().Trim() is not { Length: > 0 } id)
            {
                throw context.Error($"{key}[{i}]", "must be a non-empty string.");
            }

            if (!ids.Contains(id, StringComparer.Ordinal))
            {
                ids.Add(id);
            }
        }

        return ids;
    }
}
