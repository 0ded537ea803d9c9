namespace Cms.Core.Search;

/// <summary>A page of results, best first, and the number of all matches (null when not asked for).</summary>
public sealed record ContentSearchResult(IReadOnlyList<ContentSearchHit> Hits, int? Total);
