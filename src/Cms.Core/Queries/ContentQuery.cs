namespace Cms.Core.Queries;

/// <summary>A query for content versions. Sorting with no keys means newest created first, as in Orchard Core.</summary>
public sealed record ContentQuery
{
    public string? ContentType { get; init; }
    public ContentStatus Status { get; init; } = ContentStatus.Published;
    public ContentFilter? Where { get; init; }
    public IReadOnlyList<ContentSort> OrderBy { get; init; } = [];
    public int Skip { get; init; }
    public int Take { get; init; } = 100;

    /// <summary>Counts all matches (a second SQL query); off unless asked for.</summary>
    public bool IncludeTotal { get; init; }
}
