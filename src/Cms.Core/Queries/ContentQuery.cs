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

    /// <summary>
    /// Full-text criteria: only items whose published search document holds every term, best match first (ahead of
    /// <see cref="OrderBy"/>), with a <see cref="FullTextMatch"/> per item in <see cref="ContentQueryResult.Matches"/>.
    /// </summary>
    public FullTextQuery? FullText { get; init; }
}
