using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Core.Metadata;
using Cms.Recipes;
using Cms.Recipes.Export;
using Cms.Workflow.Definitions;

namespace Cms.Workflow.Recipes;

/// <summary>
/// <c>Workflow</c>: which workflow each content type follows, e.g.
/// <c>{ "name": "Workflow", "ContentTypes": [ { "ContentType": "Article", "Workflow": "Editorial", "AllowDirectPublish": false } ] }</c>.
/// Types not named publish directly.
/// </summary>
public sealed class WorkflowStep(WorkflowDefinitionStore store, IContentDefinitionManager definitions) : IRecipeStep, IRecipeExportSource
{
    public string Name => "Workflow";

    public int Order => RecipeExportOrder.Workflow;

    /// <summary>The workflow of every defined type (types that publish directly included, so the import sets each one).</summary>
    public async Task ExportAsync(RecipeExportContext context, CancellationToken cancellationToken)
    {
        var set = await definitions.GetAsync(cancellationToken);
        var entries = new JsonArray();
        foreach (var type in set.Types.Keys.Order(StringComparer.Ordinal))
        {
            var workflow = await store.GetAsync(type, cancellationToken);
            entries.Add(new JsonObject { ["ContentType"] = type, ["Workflow"] = workflow.Workflow, ["AllowDirectPublish"] = workflow.AllowDirectPublish });
        }

        context.WriteStep(new JsonObject { ["name"] = Name, ["ContentTypes"] = entries });
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        if (context.Step["ContentTypes"] is not JsonArray entries)
        {
            throw context.Error("ContentTypes", "must be a list of { ContentType, Workflow, AllowDirectPublish }.");
        }

        var set = await definitions.GetAsync(cancellationToken);
        for (var i = 0; i < entries.Count; i++)
        {
            var path = $"ContentTypes[{i}]";
            if (entries[i] is not JsonObject entry)
            {
                throw context.Error(path, "must be an object.");
            }

            var type = ReadString(context, entry, "ContentType", path);
            if (!set.Types.ContainsKey(type))
            {
                throw context.Error($"{path}.ContentType", $"unknown content type '{type}'; define it in a ContentDefinition step first.");
            }

            var workflow = ReadString(context, entry, "Workflow", path);
            var known = WorkflowNames.All.FirstOrDefault(w => string.Equals(w, workflow, StringComparison.OrdinalIgnoreCase))
                ?? throw context.Error($"{path}.Workflow", $"unknown workflow '{workflow}'; use one of: {string.Join(", ", WorkflowNames.All)}.");
            var direct = entry.FirstOrDefault(p => string.Equals(p.Key, "AllowDirectPublish", StringComparison.OrdinalIgnoreCase)).Value switch
            {
                null => false,
                JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
                _ => throw context.Error($"{path}.AllowDirectPublish", "must be true or false."),
            };
            await store.SetAsync(new TypeWorkflow(type, known, direct), cancellationToken);
        }
    }

    private static string ReadString(RecipeStepContext context, JsonObject entry, string name, string path) =>
        entry.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Trim() is { Length: > 0 } text
            ? text
            : throw context.Error($"{path}.{name}", "is required and must be a string.");
}
