namespace Cms.Workflow.History;

/// <summary>The field-by-field differences from one version of an item to another.</summary>
public sealed record VersionDiff(string FromVersionId, string ToVersionId, IReadOnlyList<FieldChange> Fields);
