using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Core.Content;
using Cms.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Cms.Recipes;

/// <summary>
/// Runs a recipe in one transaction: every step or none. Errors name the step index, the JSON path and the problem.
/// </summary>
public sealed class RecipeExecutor(IEnumerable<IRecipeStep> steps, IUnitOfWork unitOfWork, ILogger<RecipeExecutor> logger)
{
    public const long MaxRecipeBytes = 64 * 1024 * 1024;

    private static readonly JsonDocumentOptions ParseOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 };

    /// <summary>Property names are matched ignoring case, as Orchard Core does: its recipes write <c>"data"</c> where ours write <c>"Data"</c>.</summary>
    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = true };

    private readonly Dictionary<string, IRecipeStep> _steps = steps.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);

    public async Task<RecipeResult> ExecuteFileAsync(string file, RecipeParameters parameters, CancellationToken cancellationToken = default)
    {
        var info = new FileInfo(file);
        if (!info.Exists)
        {
            throw new RecipeException(null, "$", $"the recipe file '{file}' does not exist.");
        }

        if (info.Length > MaxRecipeBytes)
        {
            throw new RecipeException(null, "$", $"the recipe file is larger than {MaxRecipeBytes / 1024 / 1024} MB.");
        }

        var json = await File.ReadAllTextAsync(file, cancellationToken);
        return await ExecuteAsync(json, info.DirectoryName!, parameters, cancellationToken);
    }

    public async Task<RecipeResult> ExecuteAsync(string json, string baseDirectory, RecipeParameters parameters, CancellationToken cancellationToken = default)
    {
        var recipe = Parse(json);
        return await ExecuteAsync(recipe, baseDirectory, parameters, cancellationToken);
    }

    public static JsonObject Parse(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, NodeOptions, ParseOptions);
        }
        catch (JsonException ex)
        {
            throw new RecipeException(null, ex.Path ?? "$", $"the recipe is not valid JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}).", ex);
        }

        var recipe = node as JsonObject ?? throw new RecipeException(null, "$", "a recipe must be a JSON object with a 'steps' array.");
        RequireUniqueNames(recipe, "$");
        return recipe;
    }

    /// <summary>With names matched ignoring case, <c>"Data"</c> and <c>"data"</c> in one object would be the same property: refused with its path.</summary>
    private static void RequireUniqueNames(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                try
                {
                    _ = obj.Count;
                }
                catch (ArgumentException ex)
                {
                    // ArgumentException's message names the key: "... Key: Data (Parameter 'key')".
                    var at = ex.Message.LastIndexOf("Key: ", StringComparison.Ordinal);
                    var key = at >= 0 ? $"'{ex.Message[(at + 5)..].Split(" (Parameter", 2)[0].Trim()}' " : "a property ";
                    throw new RecipeException(null, path, $"{key}appears twice in different casing (property names are matched ignoring case, as in Orchard Core).", ex);
                }

                foreach (var (key, value) in obj)
                {
                    RequireUniqueNames(value, $"{path}.{key}");
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    RequireUniqueNames(array[i], $"{path}[{i}]");
                }

                break;
        }
    }

    public async Task<RecipeResult> ExecuteAsync(JsonObject recipe, string baseDirectory, RecipeParameters parameters, CancellationToken cancellationToken = default)
    {
        var name = recipe["name"] is JsonValue n && n.TryGetValue<string>(out var recipeName) ? recipeName : "(unnamed)";
        if (recipe["steps"] is not JsonArray stepArray)
        {
            throw new RecipeException(null, "$.steps", "a recipe needs a 'steps' array.");
        }

        var variables = recipe["variables"] switch
        {
            null => null,
            JsonObject o => o,
            _ => throw new RecipeException(null, "$.variables", "must be an object."),
        };

        var scripts = new RecipeScripts(parameters, variables);
        var planned = new List<(IRecipeStep Step, RecipeStepContext Context)>();
        for (var i = 0; i < stepArray.Count; i++)
        {
            var path = $"$.steps[{i}]";
            if (stepArray[i] is not JsonObject stepJson)
            {
                throw new RecipeException(i, path, "a step must be an object with a 'name'.");
            }

            if (stepJson["name"] is not JsonValue stepName || !stepName.TryGetValue<string>(out var stepNameText))
            {
                throw new RecipeException(i, $"{path}.name", "a step needs a 'name'.");
            }

            if (!_steps.TryGetValue(stepNameText, out var step))
            {
                throw new RecipeException(i, $"{path}.name", $"unknown step '{stepNameText}'; known steps: {string.Join(", ", _steps.Keys.Order(StringComparer.OrdinalIgnoreCase))}.");
            }

            var evaluated = (JsonObject)scripts.Evaluate(stepJson.DeepClone(), path, i)!;
            planned.Add((step, new RecipeStepContext { Step = evaluated, Index = i, Path = path, BaseDirectory = baseDirectory }));
        }

        var watch = Stopwatch.StartNew();
        var items = planned.Sum(p => p.Context.Step["Data"] is JsonArray data ? data.Count : 0);
        logger.LogInformation("Running recipe {Recipe}: {Steps} steps, {Items} content items", name, planned.Count, items);
        await using (var transaction = await unitOfWork.BeginAsync(cancellationToken))
        {
            foreach (var (step, context) in planned)
            {
                try
                {
                    await step.ExecuteAsync(context, cancellationToken);
                }
                catch (ContentValidationException ex)
                {
                    var first = ex.Errors.Count > 0 ? ex.Errors[0] : new ContentValidationError("$", ex.Message);
                    var detail = ex.Errors.Count > 1 ? $" (and {ex.Errors.Count - 1} more: {string.Join("; ", ex.Errors.Skip(1).Take(5))})" : "";
                    throw new RecipeException(context.Index, first.Path.StartsWith("$.steps", StringComparison.Ordinal) ? first.Path : context.Path + first.Path.TrimStart('$'), first.Message + detail, ex);
                }
                catch (RecipeException)
                {
                    throw;
                }
                catch (Exception ex) when (ex is ContentConflictException or ContentNotFoundException or ContentAccessDeniedException or InvalidOperationException or IOException or JsonException)
                {
                    throw new RecipeException(context.Index, context.Path, ex.Message, ex);
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }

        logger.LogInformation("Recipe {Recipe} applied in {Elapsed} ms", name, watch.ElapsedMilliseconds);
        return new RecipeResult(name, planned.Count, watch.Elapsed);
    }
}
