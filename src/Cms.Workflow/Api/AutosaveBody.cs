using System.Text.Json.Nodes;

namespace Cms.Workflow.Api;

/// <summary>The body of <c>PUT /api/content/{id}/autosave</c>: the item JSON as the editor holds it, and the version it started from.</summary>
public sealed record AutosaveBody(JsonObject? Data, string? BaseVersionId);
