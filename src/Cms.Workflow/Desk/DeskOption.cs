namespace Cms.Workflow.Desk;

/// <summary>A choice for a filter: an item's id and its title (a section, an author).</summary>
public sealed record DeskOption(string ContentItemId, string Title);
