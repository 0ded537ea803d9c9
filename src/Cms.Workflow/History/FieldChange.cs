namespace Cms.Workflow.History;

/// <summary>
/// How one field differs between two versions. Text and HTML get a word diff (<see cref="Words"/>); lists (pickers,
/// media, tags) get what was <see cref="Added"/> and <see cref="Removed"/>; anything else its value before and after.
/// </summary>
public sealed record FieldChange(string Path, string Kind)
{
    public IReadOnlyList<WordChange>? Words { get; init; }
    public IReadOnlyList<string>? Added { get; init; }
    public IReadOnlyList<string>? Removed { get; init; }
    public string? Before { get; init; }
    public string? After { get; init; }
}
