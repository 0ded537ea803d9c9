using System.Text.Json.Nodes;

namespace Cms.Workflow.Tests.Support;

/// <summary>What the API answered: status, body and the ETag (the version id).</summary>
public sealed record ApiResponse(int Status, string Body, string? ETag)
{
    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("Empty body.");

    public string? Stage => Json["Workflow"]?["Stage"]?.GetValue<string>();

    public override string ToString() => $"{Status} {Body}";
}
