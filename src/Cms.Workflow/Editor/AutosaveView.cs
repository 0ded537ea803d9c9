using System.Text.Json.Nodes;

namespace Cms.Workflow.Editor;

/// <summary>A user's autosave as the editor restores it: the item JSON, the version it started from, and when it was written.</summary>
public sealed record AutosaveView(string ItemKey, string ContentType, JsonObject Data, string? BaseVersionId, DateTime SavedUtc);
