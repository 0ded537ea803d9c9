namespace Cms.Workflow.Engine;

/// <summary>A search over the latest versions for the editorial desk: by type, stage, assignee, owner, lateness and title.</summary>
public sealed record WorkQuery
{
    public string? ContentType { get; init; }
    public string? Stage { get; init; }
    public bool AssignedToMe { get; init; }
    public bool Mine { get; init; }
    public bool Overdue { get; init; }
    public string? Title { get; init; }
    public int Skip { get; init; }
    public int Take { get; init; } = 20;
}
