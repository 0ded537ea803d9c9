using System.Text.Json.Nodes;
using Cms.Core.Storage;

namespace Cms.Workflow.Definitions;

/// <summary>
/// Which workflow each content type follows, kept as the <c>Workflows</c> document in the database (so every node
/// reads the same) and read once per request.
/// </summary>
public sealed class WorkflowDefinitionStore(IDocumentStore documents)
{
    public const string DocumentName = "Workflows";

    private IReadOnlyDictionary<string, TypeWorkflow>? _current;

    public async Task<TypeWorkflow> GetAsync(string contentType, CancellationToken cancellationToken = default) =>
        (await GetAllAsync(cancellationToken)).GetValueOrDefault(contentType) ?? TypeWorkflow.DirectFor(contentType);

    public async Task<IReadOnlyDictionary<string, TypeWorkflow>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        if (_current is not null)
        {
            return _current;
        }

        var json = await documents.GetAsync(DocumentName, cancellationToken);
        var result = new Dictionary<string, TypeWorkflow>(StringComparer.Ordinal);
        if (json?["ContentTypes"] is JsonObject types)
        {
            foreach (var (type, value) in types)
            {
                if (value is JsonObject entry)
                {
                    result[type] = new TypeWorkflow(type, entry["Workflow"]?.GetValue<string>() ?? WorkflowNames.Direct, entry["AllowDirectPublish"]?.GetValue<bool>() ?? false);
                }
            }
        }

        _current = result;
        return result;
    }

    public async Task SetAsync(TypeWorkflow workflow, CancellationToken cancellationToken = default)
    {
        var json = await documents.GetAsync(DocumentName, cancellationToken) ?? [];
        if (json["ContentTypes"] is not JsonObject types)
        {
            types = [];
            json["ContentTypes"] = types;
        }

        var entry = new JsonObject
        {
            ["Workflow"] = workflow.Workflow,
            ["AllowDirectPublish"] = workflow.AllowDirectPublish,
        };
        if (JsonNode.DeepEquals(types[workflow.ContentType], entry))
        {
            // Running a recipe again changes nothing.
            return;
        }

        types[workflow.ContentType] = entry;
        await documents.SetAsync(DocumentName, json, cancellationToken);
        _current = null;
    }
}
