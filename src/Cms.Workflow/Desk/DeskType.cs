namespace Cms.Workflow.Desk;

/// <summary>A content type on the caller's desk: its name, its label, and whether the caller may create one ("New" menu).</summary>
public sealed record DeskType(string Name, string DisplayName, bool MayCreate);
