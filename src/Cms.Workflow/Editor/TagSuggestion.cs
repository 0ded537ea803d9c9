namespace Cms.Workflow.Editor;

/// <summary>A tag already used on published items of a type, with how many use it.</summary>
public sealed record TagSuggestion(string Tag, int Count);
