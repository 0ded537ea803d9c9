namespace Cms.Workflow.Desk;

/// <summary>One page of the desk's list and the number of items matching in all.</summary>
public sealed record DeskPage(int Total, IReadOnlyList<DeskRow> Rows);
