namespace Cms.Workflow.Editor;

/// <summary>An item a content picker may offer: its id, type, title and whether a version of it is live.</summary>
public sealed record PickerOption(string ContentItemId, string ContentType, string? DisplayText, bool Published);
